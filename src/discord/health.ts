/**
 * `GET /healthz` and `GET /metrics` for the gateway bot, on `METRICS_PORT`: health is 200 once the index and the
 * model are loaded and the gateway session is ready, 503 (with what is not) before; metrics are Prometheus text.
 */
import { createServer, type Server } from 'node:http';
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
  gateway: 'ready' | 'connecting';
}

export function health(answerer: Pick<Answerer, 'isReady'>, client: Pick<Client, 'isReady'>): Health {
  const model = answerer.isReady();
  const gateway = client.isReady() ? 'ready' : 'connecting';
  return { ok: model && gateway === 'ready', model, gateway };
}

export async function startHealthServer(port: number, host: string, state: () => Health, metrics: BotMetrics): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/healthz') {
      const h = state();
      res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(h));
    } else if (url.pathname === '/metrics') {
      metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
