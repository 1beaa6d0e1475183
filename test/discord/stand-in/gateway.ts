/**
 * The gateway half of the stand-in: a websocket speaking Discord's gateway protocol (v10, JSON, no
 * compression): HELLO → IDENTIFY → READY (+ GUILD_CREATE), heartbeats and their ACKs, dispatches
 * with sequence numbers, RESUME with replay of missed events, sharding (one session per shard, events routed
 * by guild), and dropping the socket on demand.
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
  /** `[shard_id, num_shards]` the session identified with. */
  shard: [number, number];
  intents: number;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  events: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

/** Discord's rule for which shard receives a guild's events; events without a guild (DMs) go to shard 0. */
export function shardOf(guildId: string | null, count: number): number {
  return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
}

/** A `shard` Discord accepts in IDENTIFY: two integers, the id from 0 to below the count. */
function isShard(shard: unknown): shard is [number, number] {
  return Array.isArray(shard) && shard.length === 2 && shard.every(Number.isInteger) && shard[0] >= 0 && shard[0] < shard[1];
}

export interface GatewayIdentity {
  token: string;
  botUser: Record<string, unknown>;
  applicationId: string;
  guildIds: () => string[];
  guild: (id: string) => Record<string, unknown>;
  url: () => string;
}

export interface GatewayStats {
  connections: number;
  identifies: { intents: number; token: string; shard: [number, number] }[];
  resumes: { sessionId: string; seq: number; replayed: number; shard: number }[];
  heartbeats: number;
  heartbeatAcks: number;
}

/**
 * One session per shard id, as Discord keeps them: IDENTIFY's `shard` picks the session, READY and GUILD_CREATE
 * carry only that shard's guilds, and every dispatch goes to the shard owning its guild (`shardOf`).
 */
export class StandInGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly stats: GatewayStats = { connections: 0, identifies: [], resumes: [], heartbeats: 0, heartbeatAcks: 0 };
  /** Gateway events in the order they happened, with times (and the shard, where known), for ordering assertions. */
  readonly timeline: { event: string; at: number; shard?: number }[] = [];
  private readonly sessions = new Map<number, Session>();
  private sessionCount = 0;
  private readyWaiters: { shards: number; wake: () => void }[] = [];

  constructor(
    private readonly identity: GatewayIdentity,
    private readonly heartbeatIntervalMs: number,
  ) {
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
  }

  /** True while every shard's session is identified (or resumed) on an open socket. */
  get live(): boolean {
    return this.sessions.size > 0 && this.liveShards().length === this.sessions.size;
  }

  /** Ids of the shards whose session is on an open socket, ascending. */
  liveShards(): number[] {
    return [...this.sessions.entries()]
      .filter(([, session]) => session.socket?.readyState === 1)
      .map(([id]) => id)
      .sort((a, b) => a - b);
  }

  /** Resolves once `shards` sessions are ready on open sockets (immediately if they are). */
  waitUntilLive(timeoutMs = 15_000, shards = 1): Promise<void> {
    if (this.liveShards().length >= shards) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway: fewer than ${shards} live session(s) in time`)), timeoutMs);
      this.readyWaiters.push({
        shards,
        wake: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** The intents the shard receiving `guildId`'s events identified with (0 before any IDENTIFY). */
  intentsFor(guildId: string | null): number {
    return this.sessions.size ? this.sessionFor(guildId).intents : 0;
  }

  /**
   * Sends (or, while that shard is disconnected, buffers for RESUME) one dispatch event, on the shard owning
   * `guildId` (by default the event's own `guild_id`; none, as in a DM, means shard 0).
   */
  dispatch(t: string, d: unknown, guildId: string | null = (d as { guild_id?: string } | null)?.guild_id ?? null): void {
    this.emit(this.sessionFor(guildId), t, d);
  }

  /** Kills the socket of one shard (all shards without `shard`) without a close frame, as a network failure would. */
  dropConnection(shard?: number): void {
    for (const [id, session] of this.sessionsOf(shard)) {
      const socket = session.socket;
      if (!socket) continue;
      session.socket = null;
      this.timeline.push({ event: 'drop', at: Date.now(), shard: id });
      socket.terminate();
    }
  }

  /** Closes the live socket of one shard (all without `shard`) with a close code, as Discord does (4004 after a token reset …). */
  closeWith(code: number, reason: string, shard?: number): void {
    for (const [id, session] of this.sessionsOf(shard)) {
      const socket = session.socket;
      if (!socket) continue;
      session.socket = null;
      this.timeline.push({ event: `closeWith:${code}`, at: Date.now(), shard: id });
      socket.close(code, reason);
    }
  }

  /** Drops the replay buffers of the live sessions (events the bot has already received) and the timeline. */
  prune(): void {
    for (const session of this.sessions.values()) if (session.socket) session.events.length = 0;
    this.timeline.length = 0;
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private sessionsOf(shard: number | undefined): [number, Session][] {
    return [...this.sessions.entries()].filter(([id]) => shard === undefined || id === shard);
  }

  private sessionFor(guildId: string | null): Session {
    const [any] = this.sessions.values();
    if (!any) throw new Error('gateway: dispatch before IDENTIFY');
    const id = shardOf(guildId, any.shard[1]);
    const session = this.sessions.get(id);
    if (!session) throw new Error(`gateway: dispatch to shard ${id} before its IDENTIFY`);
    return session;
  }

  private emit(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.socket?.readyState === 1) this.send(session.socket, { op: Op.Dispatch, ...event });
  }

  private onConnection(socket: WebSocket): void {
    this.stats.connections += 1;
    this.timeline.push({ event: 'connect', at: Date.now() });
    socket.on('message', (raw) => this.onMessage(socket, raw.toString()));
    socket.on('close', (code) => {
      this.timeline.push({ event: `close:${code}`, at: Date.now() });
      for (const session of this.sessions.values()) if (session.socket === socket) session.socket = null;
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
      case Op.Identify:
        this.identify(socket, payload.d as { token: string; intents: number; shard?: [number, number] });
        return;
      case Op.Resume: {
        const d = payload.d as { token: string; session_id: string; seq: number };
        const found = [...this.sessions.entries()].find(([, s]) => s.id === d.session_id);
        this.timeline.push({ event: 'resume', at: Date.now(), ...(found ? { shard: found[0] } : {}) });
        if (d.token !== this.identity.token || !found) {
          this.send(socket, { op: Op.InvalidSession, d: false });
          return;
        }
        const [shard, session] = found;
        session.socket = socket;
        const missed = session.events.filter((e) => e.s > d.seq);
        this.stats.resumes.push({ sessionId: d.session_id, seq: d.seq, replayed: missed.length, shard });
        for (const event of missed) this.send(socket, { op: Op.Dispatch, ...event });
        this.emit(session, 'RESUMED', {});
        this.wakeReadyWaiters();
        return;
      }
      default:
        return;
    }
  }

  /**
   * Starts a new session for the shard IDENTIFY names (`[0, 1]` when it names none). Discord closes with 4010 a
   * shard id outside the count, or a count other than the one the live sessions of other shards use.
   */
  private identify(socket: WebSocket, d: { token: string; intents: number; shard?: [number, number] }): void {
    const shard = d.shard ?? [0, 1];
    this.stats.identifies.push({ intents: d.intents, token: d.token, shard });
    this.timeline.push({ event: 'identify', at: Date.now(), shard: shard[0] });
    if (d.token !== this.identity.token) {
      socket.close(4004, 'Authentication failed');
      return;
    }
    if (!isShard(shard) || [...this.sessions.entries()].some(([other, s]) => other !== shard[0] && s.socket?.readyState === 1 && s.shard[1] !== shard[1])) {
      socket.close(4010, 'Invalid shard');
      return;
    }
    const [id, count] = shard;
    const previous = this.sessions.get(id)?.socket;
    if (previous && previous !== socket) previous.terminate();
    // Sessions left from an earlier shard count (all offline, or this shard's own) end with this one.
    for (const [other, s] of this.sessions) if (s.shard[1] !== count) this.sessions.delete(other);
    this.sessionCount += 1;
    const session: Session = { id: `session-${this.sessionCount}`, shard: [id, count], intents: d.intents, seq: 0, events: [], socket };
    this.sessions.set(id, session);
    const guildIds = this.identity.guildIds().filter((g) => shardOf(g, count) === id);
    this.emit(session, 'READY', {
      v: 10,
      user: this.identity.botUser,
      guilds: guildIds.map((g) => ({ id: g, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.identity.url(),
      shard: [id, count],
      application: { id: this.identity.applicationId, flags: 0 },
      private_channels: [],
      user_settings: {},
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
    });
    for (const g of guildIds) this.emit(session, 'GUILD_CREATE', this.identity.guild(g));
    this.wakeReadyWaiters();
  }

  private wakeReadyWaiters(): void {
    const live = this.liveShards().length;
    const waiters = this.readyWaiters;
    this.readyWaiters = waiters.filter((w) => w.shards > live);
    for (const w of waiters) if (w.shards <= live) w.wake();
  }

  private send(socket: WebSocket, payload: GatewayPayload): void {
    socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }
}
