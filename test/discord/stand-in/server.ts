/**
 * A local stand-in for Discord, on 127.0.0.1 and a free port: the REST routes the bot uses (under
 * `/api/v10`) and, on the same port, the gateway websocket (`/gateway`). It records every request and
 * keeps the messages the bot created, so tests assert on exactly what reached "Discord". It has one guild
 * with one text channel, or several (`guilds`) spread over the shards of a sharded bot.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { StandInGateway } from './gateway.js';

export { shardOf } from './gateway.js';

export const STAND_IN_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GsTnd1.standInSecretTokenPart_0123456789abcdef';

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: any;
  status: number;
  at: number;
  /** The first response of an interaction sent to an Interactions Endpoint URL: the HTTP response, not a REST call. */
  viaHttp?: boolean;
}

export interface InteractionPayload {
  id: string;
  token: string;
  channel_id: string;
  guild_id?: string;
  type?: number;
  member?: { user?: any };
  user?: any;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: any[];
  components: any[];
  flags: number;
  allowed_mentions: any;
  message_reference?: any;
  /** The interaction this message answers, if any. */
  interactionId?: string;
  deleted?: boolean;
  [key: string]: unknown;
}

interface InteractionRecord {
  id: string;
  token: string;
  channelId: string;
  type: number;
  /** The user who caused the interaction; Discord names them in the `interaction_metadata` of its messages. */
  user: Record<string, unknown> | undefined;
  acknowledged: boolean;
  callbackType?: number;
  original?: StoredMessage;
}

/** The privileged Message Content intent (1 << 15). */
const MESSAGE_CONTENT_INTENT = 1 << 15;

let snowflake = 1_300_000_000_000_000_000n;
export function nextSnowflake(): string {
  snowflake += 1n;
  return snowflake.toString();
}

/**
 * Guild ids differ in their timestamp part, which decides the shard: guild i's is GUILD_MS + i, and GUILD_MS
 * (late 2024) is a multiple of 720720 = lcm(1..16), so guild i is on shard i % n for any shard count n up to 16.
 * The low bits count up, so no two stand-ins in one process share a guild id.
 */
const GUILD_MS = 430_046n * 720_720n;
let guildSerial = 0n;
function guildSnowflake(index: number): string {
  guildSerial = (guildSerial + 1n) % (1n << 22n);
  return (((GUILD_MS + BigInt(index)) << 22n) | guildSerial).toString();
}

export interface StandInOptions {
  heartbeatIntervalMs?: number;
  /** How many guilds the bot is in, each with one text channel (default 1). */
  guilds?: number;
  /** The shard count `GET /gateway/bot` recommends (default 1). */
  shards?: number;
  /** `session_start_limit.max_concurrency` of `GET /gateway/bot`: how many shards may identify at once (default 1). */
  maxConcurrency?: number;
}

export class DiscordStandIn {
  readonly applicationId = nextSnowflake();
  readonly botUser = { id: this.applicationId, username: 'NewsBot', discriminator: '0000', global_name: null, avatar: null, bot: true, flags: 0 };
  /** Every guild the bot is in; guild i is on shard i % n of n shards (n up to 16). */
  readonly guildIds: string[];
  /** The first guild (on shard 0) and its text channel. */
  readonly guildId: string;
  readonly channelId: string;
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, StoredMessage>();
  /** Messages users posted (through `sendMessage`), which the bot may read back: replies, thread history. */
  readonly userMessages = new Map<string, Record<string, any>>();
  /** Threads started from messages (`POST /channels/:id/messages/:id/threads`), by id (the starter message's id). */
  readonly threads = new Map<string, Record<string, any>>();
  readonly gateway: StandInGateway;
  private readonly interactions = new Map<string, InteractionRecord>();
  /** The text channel of each guild. */
  private readonly channels = new Map<string, string>();
  private readonly shards: number;
  private readonly maxConcurrency: number;
  /** Failures to answer instead of the next matching requests (`failNext`), oldest first. */
  private readonly injected: { match: (r: RecordedRequest) => boolean; status: number; json: unknown; headers: Record<string, string> }[] = [];
  private readonly server: Server;
  private port = 0;

  private constructor(options: StandInOptions) {
    this.guildIds = Array.from({ length: options.guilds ?? 1 }, (_, i) => guildSnowflake(i));
    for (const id of this.guildIds) this.channels.set(id, nextSnowflake());
    this.guildId = this.guildIds[0]!;
    this.channelId = this.channelIdOf(this.guildId);
    this.shards = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.gateway = new StandInGateway(
      {
        token: STAND_IN_TOKEN,
        botUser: this.botUser,
        applicationId: this.applicationId,
        guildIds: () => this.guildIds,
        guild: (id) => this.guildPayload(id),
        url: () => this.gatewayUrl,
      },
      options.heartbeatIntervalMs ?? 1_000,
    );
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://x').pathname === '/gateway') this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  static async start(options: StandInOptions = {}): Promise<DiscordStandIn> {
    const standIn = new DiscordStandIn(options);
    await new Promise<void>((resolve, reject) => {
      standIn.server.once('error', reject);
      standIn.server.listen(0, '127.0.0.1', () => resolve());
    });
    standIn.port = (standIn.server.address() as AddressInfo).port;
    return standIn;
  }

  /** What `DISCORD_API_URL` is set to: the REST base without `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------------------------------------
  // Test helpers

  /** The text channel of one of the guilds. */
  channelIdOf(guildId: string): string {
    const channelId = this.channels.get(guildId);
    if (!channelId) throw new Error(`stand-in: no guild ${guildId}`);
    return channelId;
  }

  /** The guild a text channel or thread belongs to; undefined for any other channel (a DM). */
  guildOfChannel(channelId: string): string | undefined {
    for (const [guildId, id] of this.channels) if (id === channelId) return guildId;
    return this.threads.get(channelId)?.guild_id;
  }

  /** Registers an interaction the stand-in will accept callbacks for, and dispatches it to the shard of its guild (shard 0 in a DM). */
  sendInteraction(payload: InteractionPayload): void {
    this.registerInteraction(payload);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
  }

  /**
   * Discord's side of an Interactions Endpoint URL: POSTs the interaction to `url` signed with `key` (`forged`
   * replaces the signature, timestamp or body sent, to test a forgery) and takes a 200 response as the interaction's first
   * response — recorded like a callback request (`viaHttp`), so the helpers that read callbacks work unchanged.
   */
  async postInteraction(
    url: string,
    key: KeyObject,
    payload: InteractionPayload | { type: 1; id: string; token: string; application_id: string },
    forged: { signature?: string; timestamp?: string; body?: string; signedAt?: number } = {},
  ): Promise<{ status: number; body: any }> {
    if (payload.type !== 1) this.registerInteraction(payload as InteractionPayload);
    // A forged body or timestamp is sent in place of the one that was signed; `signedAt` (Unix seconds) signs an old one.
    const signedBody = JSON.stringify(payload);
    const signedTimestamp = String(forged.signedAt ?? Math.floor(Date.now() / 1000));
    const body = forged.body ?? signedBody;
    const timestamp = forged.timestamp ?? signedTimestamp;
    const signature = forged.signature ?? sign(null, Buffer.from(signedTimestamp + signedBody), key).toString('hex');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body,
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    const interaction = this.interactions.get(payload.token);
    if (response.status === 200 && interaction && payload.type !== 1) {
      const record: RecordedRequest = {
        method: 'POST',
        path: `/interactions/${payload.id}/${payload.token}/callback`,
        query: new URLSearchParams(),
        authorization: undefined,
        body: json,
        status: 204,
        at: Date.now(),
        viaHttp: true,
      };
      this.requests.push(record);
      this.acknowledge(interaction, json.type, json.data);
      this.onResponse?.(record);
    }
    return { status: response.status, body: json };
  }

  /** Registers an interaction the stand-in will accept callbacks and webhook calls for. */
  private registerInteraction(payload: InteractionPayload): void {
    this.interactions.set(payload.token, {
      id: payload.id,
      token: payload.token,
      channelId: payload.channel_id,
      type: payload.type ?? 2,
      user: payload.member?.user ?? payload.user,
      acknowledged: false,
    });
  }

  /** What an interaction's first response does: a message (4), a "thinking…" placeholder (5), or nothing to show. */
  private acknowledge(interaction: InteractionRecord, type: number, data: any): void {
    interaction.acknowledged = true;
    interaction.callbackType = type;
    if (type === 4 || type === 5) {
      interaction.original = this.store(interaction.channelId, type === 5 ? { ...(data ?? {}), flags: (data?.flags ?? 0) | 128 } : data, interaction);
    }
  }

  /**
   * Dispatches a user's message to the shard of its guild (shard 0 in a DM) and keeps it for reading back. As
   * Discord does, a server message that does not mention the bot reaches a shard identified without the Message
   * Content intent with its text, embeds and attachments empty.
   */
  sendMessage(payload: any): void {
    this.userMessages.set(payload.id, payload);
    const mentionsBot = (payload.mentions ?? []).some((u: any) => u.id === this.botUser.id);
    const intents = this.gateway.intentsFor(payload.guild_id ?? null);
    const readable = !payload.guild_id || mentionsBot || (intents & MESSAGE_CONTENT_INTENT) !== 0;
    this.gateway.dispatch('MESSAGE_CREATE', readable ? payload : { ...payload, content: '', embeds: [], attachments: [] });
  }

  /**
   * Answers the next request matching `match` with `status` and `json` instead of handling it (e.g. a 500 on a
   * deferral, a 429 with `retry-after`), as Discord sometimes does.
   */
  failNext(match: (r: RecordedRequest) => boolean, status: number, json: unknown, headers: Record<string, string> = {}): void {
    this.injected.push({ match, status, json, headers });
  }

  /** Called after each request is answered (a load test counts replies with it instead of scanning `requests`). */
  onResponse: ((record: RecordedRequest) => void) | null = null;

  /**
   * Forgets what a long run has piled up — recorded requests, stored messages, answered interactions and the
   * gateway's replay buffer — so a load test measures the bot's memory, not the stand-in's.
   */
  prune(): void {
    this.requests.length = 0;
    this.messages.clear();
    this.userMessages.clear();
    for (const [token, interaction] of this.interactions) if (interaction.acknowledged) this.interactions.delete(token);
    this.gateway.prune();
  }

  /** Requests matching `filter` recorded after index `from`. */
  find(filter: (r: RecordedRequest) => boolean, from = 0): RecordedRequest[] {
    return this.requests.slice(from).filter(filter);
  }

  /** Waits (bounded) until `check` returns a value other than undefined/false. */
  async waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`stand-in: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The requests one interaction caused (callback and webhook calls carry its token). */
  forInteraction(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`));
  }

  /** The message an interaction's response ended up as (after any edit). */
  originalOf(token: string): StoredMessage | undefined {
    return this.interactions.get(token)?.original;
  }

  /** Follow-up messages of an interaction, oldest first. */
  followUpsOf(token: string): StoredMessage[] {
    const interaction = this.interactions.get(token);
    if (!interaction) return [];
    return [...this.messages.values()].filter((m) => m.interactionId === interaction.id && m !== interaction.original);
  }

  // ---------------------------------------------------------------------------------------------
  // REST

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: any = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    const reply = (status: number, json?: unknown) => {
      record.status = status;
      this.onResponse?.(record);
      if (json === undefined) {
        res.writeHead(status).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      }
    };
    if (!url.pathname.startsWith('/api/v10/')) return reply(404, { message: '404: Not Found', code: 0 });
    const injected = this.injected.findIndex((f) => f.match(record));
    if (injected >= 0) {
      const [failure] = this.injected.splice(injected, 1);
      record.status = failure!.status;
      res.writeHead(failure!.status, { 'content-type': 'application/json', ...failure!.headers }).end(JSON.stringify(failure!.json));
      return;
    }
    try {
      this.route(record, reply);
    } catch (error) {
      reply(500, { message: String(error), code: 0 });
    }
  }

  private route(r: RecordedRequest, reply: (status: number, json?: unknown) => void): void {
    const authed = r.authorization === `Bot ${STAND_IN_TOKEN}`;
    const unauthorized = () => reply(401, { message: '401: Unauthorized', code: 0 });
    let m: RegExpExecArray | null;

    if (r.method === 'GET' && r.path === '/gateway/bot') {
      if (!authed) return unauthorized();
      return reply(200, {
        url: this.gatewayUrl,
        shards: this.shards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: this.maxConcurrency },
      });
    }
    if (r.method === 'GET' && r.path === '/applications/@me') {
      if (!authed) return unauthorized();
      return reply(200, { id: this.applicationId, name: 'NewsBot', bot: this.botUser, flags: 0 });
    }
    if (r.method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(r.path))) {
      if (!authed) return unauthorized();
      if (m[1] !== this.applicationId) return reply(404, { message: 'Unknown Application', code: 10002 });
      return reply(
        200,
        (r.body as any[]).map((c) => ({ ...c, id: nextSnowflake(), application_id: this.applicationId, version: nextSnowflake(), guild_id: m![2] })),
      );
    }
    if (r.method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(r.path))) {
      const interaction = this.interactions.get(m[2]!);
      if (!interaction || interaction.id !== m[1]) return reply(404, { message: 'Unknown interaction', code: 10062 });
      if (interaction.acknowledged) return reply(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      const { type, data } = r.body as { type: number; data?: any };
      this.acknowledge(interaction, type, data);
      if (r.query.get('with_response') === 'true') {
        return reply(200, { interaction: { id: interaction.id, type: 2 }, resource: interaction.original ? { type, message: interaction.original } : { type } });
      }
      return reply(204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(r.path))) {
      const interaction = this.interactions.get(m[2]!);
      if (!interaction || m[1] !== this.applicationId) return reply(404, { message: 'Unknown Webhook', code: 10015 });
      if (m[3]) {
        const original = interaction.original;
        if (!original || original.deleted) return reply(404, { message: 'Unknown Message', code: 10008 });
        if (r.method === 'GET') return reply(200, original);
        if (r.method === 'DELETE') {
          original.deleted = true;
          return reply(204);
        }
        if (r.method === 'PATCH') {
          const body = r.body ?? {};
          Object.assign(original, {
            ...(body.content !== undefined ? { content: body.content ?? '' } : {}),
            ...(body.embeds !== undefined ? { embeds: normaliseEmbeds(body.embeds) } : {}),
            ...(body.components !== undefined ? { components: body.components ?? [] } : {}),
            ...(body.allowed_mentions !== undefined ? { allowed_mentions: body.allowed_mentions } : {}),
            flags: original.flags & ~128,
            edited_timestamp: new Date().toISOString(),
          });
          return reply(200, original);
        }
      } else if (r.method === 'POST') {
        if (!interaction.acknowledged) return reply(404, { message: 'Unknown Webhook', code: 10015 });
        return reply(200, this.store(interaction.channelId, r.body, interaction));
      }
    }
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(r.path))) {
      if (!authed) return unauthorized();
      return reply(200, this.store(m[1]!, r.body));
    }
    if (r.method === 'GET' && (m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(r.path))) {
      if (!authed) return unauthorized();
      const found = this.messages.get(m[2]!) ?? this.userMessages.get(m[2]!);
      if (!found || found.channel_id !== m[1] || found.deleted) return reply(404, { message: 'Unknown Message', code: 10008 });
      return reply(200, found);
    }
    if (r.method === 'GET' && (m = /^\/channels\/(\d+)\/messages$/.exec(r.path))) {
      if (!authed) return unauthorized();
      const before = r.query.get('before');
      const limit = Math.min(100, Number(r.query.get('limit') ?? 50));
      const all = [...this.messages.values(), ...this.userMessages.values()]
        .filter((x) => x.channel_id === m![1] && !x.deleted && (!before || BigInt(x.id) < BigInt(before)))
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
      return reply(200, all.slice(0, limit));
    }
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(r.path))) {
      if (!authed) return unauthorized();
      const starter = this.messages.get(m[2]!) ?? this.userMessages.get(m[2]!);
      if (!starter || starter.channel_id !== m[1]) return reply(404, { message: 'Unknown Message', code: 10008 });
      const guildId = this.guildOfChannel(m[1]!);
      if (!guildId) return reply(400, { message: 'Cannot execute action on a DM channel', code: 50003 });
      if (this.threads.has(m[2]!)) return reply(400, { message: 'A thread has already been created for this message', code: 160004 });
      const thread = {
        id: m[2]!,
        type: 11,
        guild_id: guildId,
        parent_id: m[1],
        owner_id: this.botUser.id,
        name: r.body?.name,
        last_message_id: null,
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: r.body?.auto_archive_duration ?? 4320,
          archive_timestamp: new Date().toISOString(),
          locked: false,
          create_timestamp: new Date().toISOString(),
        },
      };
      this.threads.set(thread.id, thread);
      this.gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return reply(201, thread);
    }
    if (r.method === 'POST' && /^\/channels\/\d+\/typing$/.test(r.path)) {
      if (!authed) return unauthorized();
      return reply(204);
    }
    return reply(404, { message: '404: Not Found', code: 0 });
  }

  private store(channelId: string, body: any, interaction?: InteractionRecord): StoredMessage {
    const interactionId = interaction?.id;
    const message: StoredMessage = {
      id: nextSnowflake(),
      type: body?.message_reference ? 19 : interactionId ? 20 : 0,
      channel_id: channelId,
      author: this.botUser,
      content: body?.content ?? '',
      embeds: normaliseEmbeds(body?.embeds ?? []),
      components: body?.components ?? [],
      flags: body?.flags ?? 0,
      allowed_mentions: body?.allowed_mentions,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      application_id: this.applicationId,
      ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
      ...(interactionId ? { interactionId, webhook_id: this.applicationId } : {}),
      ...(interaction?.user
        ? { interaction_metadata: { id: interaction.id, type: interaction.type, user: interaction.user, authorizing_integration_owners: {} } }
        : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }

  private guildPayload(guildId: string): Record<string, unknown> {
    const channelId = this.channelIdOf(guildId);
    const index = this.guildIds.indexOf(guildId);
    return {
      id: guildId,
      name: index === 0 ? 'Stand-in Guild' : `Stand-in Guild ${index + 1}`,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: nextSnowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      features: [],
      roles: [
        { id: guildId, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '1024', managed: false, mentionable: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [{ id: channelId, type: 0, name: 'general', guild_id: guildId, position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null }],
      threads: [...this.threads.values()].filter((t) => t.guild_id === guildId),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}

/** Discord stores embeds with `type: "rich"`. */
function normaliseEmbeds(embeds: any[] | null): any[] {
  return (embeds ?? []).map((e) => ({ type: 'rich', ...e }));
}
