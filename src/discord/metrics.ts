/**
 * The bot's Prometheus metrics (`prom-client`), one registry per bot: questions by outcome, answer latency,
 * deferrals, gateway reconnects, requests to the HTTP interactions endpoint, and Node's own (event-loop lag, memory, CPU). Served by `health.ts`.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface BotMetrics {
  registry: Registry;
  /** One answered (or refused, invalid, throttled…) question and how long it took. */
  question(outcome: string, latencyMs: number, deferred: boolean): void;
  /** The gateway connection dropped and discord.js is reconnecting. */
  reconnect(): void;
  /** A request to the HTTP interactions endpoint, by what became of it. */
  httpRequest(outcome: 'answered' | 'ping' | 'bad-signature' | 'stale' | 'replayed' | 'bad-request' | 'no-response'): void;
}

export function createMetrics(): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const questions = new Counter({ name: 'newsbot_questions_total', help: 'Questions handled, by outcome.', labelNames: ['outcome'], registers: [registry] });
  const latency = new Histogram({
    name: 'newsbot_answer_latency_seconds',
    help: 'Time from a question reaching the bot to its reply being sent.',
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5, 10],
    registers: [registry],
  });
  const deferrals = new Counter({ name: 'newsbot_deferrals_total', help: 'Answers deferred ("thinking…") because they were not ready in time.', registers: [registry] });
  const reconnects = new Counter({ name: 'newsbot_gateway_reconnects_total', help: 'Gateway reconnections.', registers: [registry] });
  const httpRequests = new Counter({
    name: 'newsbot_http_interactions_total',
    help: 'Requests to POST /interactions, by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  return {
    registry,
    question(outcome, latencyMs, deferred) {
      questions.inc({ outcome });
      latency.observe(latencyMs / 1000);
      if (deferred) deferrals.inc();
    },
    reconnect: () => reconnects.inc(),
    httpRequest: (outcome) => httpRequests.inc({ outcome }),
  };
}
