/**
 * The one redaction every line the bot or the command line prints passes through: the bot token (given, or
 * anything shaped like one) and interaction tokens inside REST URLs become `[redacted]`.
 */

/** Anything shaped like a bot token (three dot-separated base64url parts). */
const TOKEN_LIKE = /[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g;
/** Interaction tokens travel in webhook / callback URLs. */
const URL_TOKENS = /(\/(?:webhooks|interactions)\/\d+\/)[^/?\s"]+/g;

/** Replaces secrets (of 8 characters or more), token-shaped strings and interaction tokens in URLs with `[redacted]`. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.trim().length >= 8) out = out.split(secret.trim()).join('[redacted]');
  }
  return out.replace(TOKEN_LIKE, '[redacted]').replace(URL_TOKENS, '$1[redacted]');
}
