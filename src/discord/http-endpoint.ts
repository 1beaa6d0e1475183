/**
 * `npm run serve:http`: the bot as Discord's Interactions Endpoint URL. `POST /interactions` checks the Ed25519
 * signature before reading anything else (401 when it is missing or wrong, or signed more than
 * `MAX_SIGNATURE_AGE_S` from now), refuses an interaction it has already taken (409: a captured request sent
 * again), answers PING with PONG, and hands
 * every other interaction to the same handlers, renderer and shared state as the gateway bot. The interaction's
 * first response goes back in the HTTP response — the answer itself when it is ready in time, else a deferral
 * that the handler completes through the interaction webhook, as over the gateway. Nothing about a conversation is
 * kept between requests, so any number of copies can run behind a load balancer (with `REDIS_URL`, or one
 * `STATE_FILE` on one machine, so cooldowns and votes hold across them). `GET /healthz` and `GET /metrics` on the
 * same port.
 *
 * discord.js has no public way to take an interaction that arrived over HTTP, so the endpoint builds a client
 * that never connects to the gateway and gives it each interaction through discord.js's own InteractionCreate
 * action (as the gateway would); the client's REST calls go out as usual except the first callback of each
 * interaction, which the endpoint turns into its HTTP response.
 */
import type { Client, RESTOptions } from 'discord.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Answerer } from '../answer/index.js';
import type { CoreConfig, DiscordConfig, HttpEndpointConfig } from '../config.js';
import { createContext, SWEEP_MS, sweepAll } from './bot.js';
import { createClient } from './client.js';
import { RateLimit } from './cooldown.js';
import type { BotContext } from './context.js';
import { health, listen, serveHealth, type HealthServer } from './health.js';
import type { Logger } from './log.js';
import { openSharedState, type SharedState } from './shared-state.js';
import { publicKeyFromHex, verifySignature } from './signature.js';

/** Larger bodies are refused (413) unread: an interaction is a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Discord waits 3 s for the HTTP response; a handler that has not responded by then gets a 500 instead of a hang. */
export const RESPONSE_DEADLINE_MS = 2_900;

/**
 * A request signed further than this from the endpoint's clock (either way) is refused: a captured request cannot be
 * sent again later, and within this time its interaction id is remembered (in the shared state, so across copies).
 */
export const MAX_SIGNATURE_AGE_S = 300;

/** Interaction types (PING = 1) and the ones the handlers answer. */
const PING = 1;
const HANDLED_TYPES = new Set([2 /* application command */, 3 /* message component */, 4 /* autocomplete */]);

const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/]+\/callback$/;

export interface HttpEndpointOptions {
  config: CoreConfig & DiscordConfig & HttpEndpointConfig;
  answerer: Answerer;
  logger: Logger;
  /** The shared state to use (default: opened from the configuration, and closed on stop). */
  state?: SharedState;
  /** Defer an answer that is not ready after this long (default 1500 ms). */
  deferAfterMs?: number;
  /** How long stop waits for answers in flight (default 20 s). */
  drainTimeoutMs?: number;
}

export interface HttpEndpoint extends HealthServer {
  context: BotContext;
  /** Stops taking requests, finishes the answers in flight (bounded), closes the shared state. */
  stop(): Promise<void>;
}

type Respond = (body: unknown) => void;

class MalformedInteraction extends Error {
  override name = 'MalformedInteraction';
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) res.writeHead(status).end();
  else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The request body, or null when it is larger than `limit` (then nothing more is read). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Gives discord.js an interaction as the gateway would (see the module comment). */
function dispatchInteraction(client: Client, data: unknown): void {
  (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions.InteractionCreate.handle(data);
}

export async function startHttpEndpoint(options: HttpEndpointOptions): Promise<HttpEndpoint> {
  const { config, answerer, logger } = options;
  const key = publicKeyFromHex(config.publicKey);
  const state = options.state ?? (await openSharedState(config));
  const context = createContext(config, answerer, logger, state, options.deferAfterMs);
  try {
    await context.feedback.check();
  } catch (error) {
    if (!options.state) await state.close();
    throw error;
  }
  /** Interactions waiting for their first response, by id. */
  const waiting = new Map<string, Respond>();
  // Node's fetch and Response are what @discordjs/rest documents for makeRequest; only their DOM typings differ.
  type ResponseLike = Awaited<ReturnType<RESTOptions['makeRequest']>>;
  const makeRequest: RESTOptions['makeRequest'] = async (url, init) => {
    const id = CALLBACK_PATH.exec(new URL(url).pathname)?.[1];
    const respond = id === undefined ? undefined : waiting.get(id);
    if (respond) {
      respond(JSON.parse(String(init.body)));
      return new Response(null, { status: 204 }) as unknown as ResponseLike;
    }
    return (await fetch(url, init as RequestInit)) as unknown as ResponseLike;
  };
  const client = createClient(context, { apiUrl: config.apiUrl, onFatal: () => undefined, makeRequest });
  if (config.token) client.rest.setToken(config.token);
  const sweeper = setInterval(() => sweepAll(client, context), SWEEP_MS).unref();
  // Each interaction id once over the whole span a signature is accepted; like the cooldowns, it lets requests
  // through when the shared state cannot be reached.
  const received = new RateLimit(state, 'interaction', 1, 2 * MAX_SIGNATURE_AGE_S * 1000, logger);

  const firstResponse = (data: { id: string }): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(data.id);
        resolve(null);
      }, RESPONSE_DEADLINE_MS);
      waiting.set(data.id, (body) => {
        clearTimeout(timer);
        waiting.delete(data.id);
        resolve(body);
      });
      try {
        dispatchInteraction(client, data);
      } catch (error) {
        // discord.js could not make an interaction of it (a field it needs is missing).
        clearTimeout(timer);
        waiting.delete(data.id);
        reject(new MalformedInteraction((error as Error).message));
      }
    });

  const onInteraction = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return send(res, 413, { error: `request body over ${MAX_BODY_BYTES} bytes` });
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (!verifySignature(key, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, body)) {
      context.metrics.httpRequest('bad-signature');
      return send(res, 401, { error: 'invalid request signature' });
    }
    if (!(Math.abs(Date.now() / 1000 - Number(timestamp)) <= MAX_SIGNATURE_AGE_S)) {
      context.metrics.httpRequest('stale');
      return send(res, 401, { error: 'request signed too long ago' });
    }
    let data: { id?: unknown; token?: unknown; type?: unknown };
    try {
      data = JSON.parse(body.toString('utf8')) as typeof data;
    } catch {
      context.metrics.httpRequest('bad-request');
      return send(res, 400, { error: 'body is not JSON' });
    }
    if (data.type === PING) {
      context.metrics.httpRequest('ping');
      return send(res, 200, { type: 1 });
    }
    if (typeof data.id !== 'string' || typeof data.token !== 'string' || !HANDLED_TYPES.has(data.type as number)) {
      context.metrics.httpRequest('bad-request');
      return send(res, 400, { error: 'not an interaction this endpoint answers' });
    }
    // Discord sends each interaction once; the same id again is a replay (by anyone who captured the request).
    if (!(await received.take(data.id)).ok) {
      context.metrics.httpRequest('replayed');
      logger.warn('http.replayed', { interactionId: data.id, type: data.type });
      return send(res, 409, { error: 'interaction already received' });
    }
    let response: unknown;
    try {
      response = await firstResponse(data as { id: string });
    } catch (error) {
      if (!(error instanceof MalformedInteraction)) throw error;
      context.metrics.httpRequest('bad-request');
      logger.warn('http.malformed', { interactionId: data.id, type: data.type, error });
      return send(res, 400, { error: 'malformed interaction' });
    }
    if (response === null) {
      context.metrics.httpRequest('no-response');
      logger.error('http.no-response', { interactionId: data.id, type: data.type });
      return send(res, 500, { error: 'no response in time' });
    }
    context.metrics.httpRequest('answered');
    send(res, 200, response);
  };

  const server = createServer((req, res) => {
    if (serveHealth(req, res, () => health(answerer, null), context.metrics)) return;
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/interactions') {
      return send(res, 404, { error: 'not found: POST /interactions, GET /healthz, GET /metrics' });
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return send(res, 405, { error: 'POST only' });
    }
    onInteraction(req, res).catch((error: unknown) => {
      logger.error('http.failed', { error });
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
  });
  let listening: HealthServer;
  try {
    listening = await listen(server, config.httpPort, config.httpHost);
  } catch (error) {
    clearInterval(sweeper);
    if (!options.state) await state.close();
    throw error;
  }
  logger.info('http.listening', { host: config.httpHost, port: listening.port, store: state.kind });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutdown.started', { inFlight: context.inFlight.size });
      const closed = listening.close();
      const left = await context.inFlight.drain(options.drainTimeoutMs ?? 20_000);
      if (left > 0) logger.warn('shutdown.unfinished', { inFlight: left });
      await closed;
      clearInterval(sweeper);
      await client.destroy();
      if (!options.state) await state.close();
      logger.info('shutdown.done', {});
    })());
  return { ...listening, context, stop };
}
