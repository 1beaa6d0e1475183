/**
 * Discord signs every request to an Interactions Endpoint URL with the application's Ed25519 key: the signature
 * (`X-Signature-Ed25519`, hex) covers the timestamp (`X-Signature-Timestamp`) followed by the raw body. Node's
 * own crypto verifies it; the public key from the developer portal (32 bytes, hex) is read as a JWK.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The key object for a public key given as 64 hexadecimal characters. */
export function publicKeyFromHex(hex: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** True when `signature` (hex) is the key's signature of `timestamp` + `body`; false for anything missing or malformed. */
export function verifySignature(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}
