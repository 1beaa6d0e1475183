/**
 * The gateway half of the stand-in: a websocket speaking Discord's gateway protocol (v10, JSON, no
 * compression): HELLO → IDENTIFY → READY (+ GUILD_CREATE), heartbeats and their ACKs, dispatches
 * with sequence numbers, RESUME with replay of missed events, and dropping the socket on demand.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

interface GatewayPayload {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  events: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

export interface GatewayIdentity {
  token: string;
  botUser: Record<string, unknown>;
  applicationId: string;
  guild: () => Record<string, unknown>;
  url: () => string;
}

export interface GatewayStats {
  connections: number;
  identifies: { intents: number; token: string }[];
  resumes: { sessionId: string; seq: number; replayed: number }[];
  heartbeats: number;
  heartbeatAcks: number;
}

export class StandInGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly stats: GatewayStats = { connections: 0, identifies: [], resumes: [], heartbeats: 0, heartbeatAcks: 0 };
  /** Gateway events in the order they happened, with times, for ordering assertions (e.g. answers before close). */
  readonly timeline: { event: string; at: number }[] = [];
  private session: Session | null = null;
  private sessionCount = 0;
  private readyWaiters: (() => void)[] = [];

  constructor(
    private readonly identity: GatewayIdentity,
    private readonly heartbeatIntervalMs: number,
  ) {
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
  }

  /** True while a session is identified (or resumed) on an open socket. */
  get live(): boolean {
    return this.session?.socket?.readyState === 1;
  }

  /** Resolves once a session is ready on an open socket (immediately if it is). */
  waitUntilLive(timeoutMs = 15_000): Promise<void> {
    if (this.live) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('gateway: no live session in time')), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends (or, while disconnected, buffers for RESUME) one dispatch event. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error('gateway: dispatch before IDENTIFY');
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.socket?.readyState === 1) this.send(session.socket, { op: Op.Dispatch, ...event });
  }

  /** Kills the socket without a close frame, as a network failure would. */
  dropConnection(): void {
    const socket = this.session?.socket;
    if (socket) {
      this.session!.socket = null;
      this.timeline.push({ event: 'drop', at: Date.now() });
      socket.terminate();
    }
  }

  /** Closes the live session's socket with a close code, as Discord does (4004 after a token reset, 4014 …). */
  closeWith(code: number, reason: string): void {
    const socket = this.session?.socket;
    if (socket) {
      this.session!.socket = null;
      this.timeline.push({ event: `closeWith:${code}`, at: Date.now() });
      socket.close(code, reason);
    }
  }

  /** Drops the replay buffer of the live session (events the bot has already received) and the timeline. */
  prune(): void {
    if (this.session?.socket) this.session.events.length = 0;
    this.timeline.length = 0;
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private onConnection(socket: WebSocket): void {
    this.stats.connections += 1;
    this.timeline.push({ event: 'connect', at: Date.now() });
    socket.on('message', (raw) => this.onMessage(socket, raw.toString()));
    socket.on('close', (code) => {
      this.timeline.push({ event: `close:${code}`, at: Date.now() });
      if (this.session?.socket === socket) this.session.socket = null;
    });
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });
  }

  private onMessage(socket: WebSocket, raw: string): void {
    let payload: GatewayPayload;
    try {
      payload = JSON.parse(raw) as GatewayPayload;
    } catch {
      socket.close(4002, 'Error while decoding payload');
      return;
    }
    switch (payload.op) {
      case Op.Heartbeat:
        this.stats.heartbeats += 1;
        this.send(socket, { op: Op.HeartbeatAck });
        this.stats.heartbeatAcks += 1;
        return;
      case Op.Identify: {
        const d = payload.d as { token: string; intents: number };
        this.stats.identifies.push({ intents: d.intents, token: d.token });
        this.timeline.push({ event: 'identify', at: Date.now() });
        if (d.token !== this.identity.token) {
          socket.close(4004, 'Authentication failed');
          return;
        }
        if (this.session?.socket && this.session.socket !== socket) this.session.socket.terminate();
        this.sessionCount += 1;
        this.session = { id: `session-${this.sessionCount}`, seq: 0, events: [], socket };
        const guild = this.identity.guild();
        this.dispatch('READY', {
          v: 10,
          user: this.identity.botUser,
          guilds: [{ id: guild.id, unavailable: true }],
          session_id: this.session.id,
          resume_gateway_url: this.identity.url(),
          shard: [0, 1],
          application: { id: this.identity.applicationId, flags: 0 },
          private_channels: [],
          user_settings: {},
          presences: [],
          relationships: [],
          guild_join_requests: [],
          geo_ordered_rtc_regions: [],
          auth: {},
        });
        this.dispatch('GUILD_CREATE', guild);
        this.wakeReadyWaiters();
        return;
      }
      case Op.Resume: {
        const d = payload.d as { token: string; session_id: string; seq: number };
        this.timeline.push({ event: 'resume', at: Date.now() });
        const session = this.session;
        if (d.token !== this.identity.token || !session || session.id !== d.session_id) {
          this.send(socket, { op: Op.InvalidSession, d: false });
          return;
        }
        session.socket = socket;
        const missed = session.events.filter((e) => e.s > d.seq);
        this.stats.resumes.push({ sessionId: d.session_id, seq: d.seq, replayed: missed.length });
        for (const event of missed) this.send(socket, { op: Op.Dispatch, ...event });
        this.dispatch('RESUMED', {});
        this.wakeReadyWaiters();
        return;
      }
      default:
        return;
    }
  }

  private wakeReadyWaiters(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const wake of waiters) wake();
  }

  private send(socket: WebSocket, payload: GatewayPayload): void {
    socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }
}
