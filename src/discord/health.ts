/**
 * `GET /healthz` and `GET /metrics`: health is 200 once the index and the model are loaded (and, for the gateway
 * bot, its gateway session is ready), 503 with what is not before; metrics are Prometheus text. The gateway bot
 * serves them on `METRICS_PORT`; the HTTP interactions endpoint beside `POST /interactions` on `HTTP_PORT`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'discord.js';
import type { Answerer } from '../answer/index.js';
import type { BotMetrics } from './metrics.js';

export interface HealthServer {
  server: Server;
  /** The port listened on (the one asked for, or the free one picked for port 0). */
  port: number;
  close(): Promise<void>;
}

export interface Health {
  ok: boolean;
  model: boolean;
  /** The gateway session's state; absent for the HTTP endpoint, which has none. */
  gateway?: 'ready' | 'connecting';
}

export function health(answerer: Pick<Answerer, 'isReady'>, client: Pick<Client, 'isReady'> | null): Health {
  const model = answerer.isReady();
  if (!client) return { ok: model, model };
  const gateway = client.isReady() ? 'ready' : 'connecting';
  return { ok: model && gateway === 'ready', model, gateway };
}

/** Answers `/healthz` and `/metrics` (GET or HEAD); false for any other path, which the caller answers. */
export function serveHealth(req: IncomingMessage, res: ServerResponse, state: () => Health, metrics: BotMetrics): boolean {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname !== '/healthz' && pathname !== '/metrics') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
  } else if (pathname === '/healthz') {
    const h = state();
    res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(h));
  } else {
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  }
  return true;
}

/** Listens on `port` (0: any free one) and `host`; resolves once listening. */
export async function listen(server: Server, port: number, host: string): Promise<HealthServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

export function startHealthServer(port: number, host: string, state: () => Health, metrics: BotMetrics): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (!serveHealth(req, res, state, metrics)) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  return listen(server, port, host);
}
