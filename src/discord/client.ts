/**
 * Builds the discord.js Client and wires its events to the handlers; nothing else happens here.
 *
 * Intents (the fewest that work):
 *   - Guilds: discord.js must know a server's channels to accept a message posted in them.
 *   - GuildMessages: to receive messages that mention the bot in servers. Without the privileged
 *     MessageContent intent Discord still sends the content of messages that mention the bot.
 *   - DirectMessages: to receive DMs (always delivered with content); the Channel partial lets
 *     discord.js handle DM channels it has not cached.
 *   - MessageContent (privileged, only with DISCORD_MESSAGE_CONTENT=true): to read follow-ups that do not mention
 *     the bot — a reply with the mention turned off, or any message in a thread the bot started.
 * Slash commands, autocomplete and buttons need no intent at all.
 */
import { Client, Events, GatewayIntentBits, Options, Partials, type Interaction, type Message, type RESTOptions } from 'discord.js';
import { markArrival } from './arrival.js';
import type { BotContext } from './context.js';
import { handleAutocomplete } from './handlers/autocomplete.js';
import { handleButton } from './handlers/button.js';
import { handleChatInput } from './handlers/chat-input.js';
import { handleMessage } from './handlers/message.js';
import { guardInteraction, guardMessage } from './respond.js';

export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** The intents to identify with: `INTENTS`, plus the privileged Message Content intent when the operator turned it on. */
export function intentsFor(messageContent: boolean): GatewayIntentBits[] {
  return messageContent ? [...INTENTS, GatewayIntentBits.MessageContent] : INTENTS;
}

/** What the gateway connection reports as the end of the bot: it will not reconnect. */
export type FatalHandler = (reason: 'gateway-closed', fields: { shardId: number; code: number }) => void;

/**
 * What discord.js may keep in memory. The bot reads nothing of what users leave behind (every handler works from
 * the event's own payload), so users, members, messages and the like are not cached at all — memory would otherwise
 * grow with every distinct user (about 2.6 KB each). Only the bot's own user and member, and the guilds and their
 * channels (which the Guilds intent needs to accept messages posted in them), stay.
 */
export const CACHE_LIMITS = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user?.id },
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  ThreadMemberManager: 0,
  VoiceStateManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
});

/** Drops the DM channels discord.js cached (no cache limit applies to them); the bot replies through each message's own channel object. */
export function sweepDmChannels(client: Client): number {
  return client.channels.cache.sweep((channel) => channel.isDMBased());
}

/**
 * Drops what discord.js keeps per request and never frees soon by itself: the DM channels, and the REST queue of
 * every interaction answered (one per interaction token; @discordjs/rest sweeps idle ones only hourly).
 */
export function sweepClient(client: Client): void {
  sweepDmChannels(client);
  client.rest.handlers.sweep((handler) => handler.inactive);
}

export interface ClientSettings {
  /** REST base URL (`DISCORD_API_URL`). */
  apiUrl: string;
  onFatal: FatalHandler;
  /** Identify with the privileged Message Content intent. */
  messageContent?: boolean;
  /** True in a process discord.js's `ShardingManager` started: the client takes its shard from the manager. */
  isShard?: boolean;
  /** How REST requests are made (the HTTP endpoint answers an interaction's first callback itself). */
  makeRequest?: RESTOptions['makeRequest'];
}

export function createClient(ctx: BotContext, settings: ClientSettings): Client {
  const { onFatal } = settings;
  const client = new Client({
    intents: intentsFor(settings.messageContent ?? false),
    // Outside a shard process, one shard, said explicitly: discord.js would otherwise read a SHARDS environment
    // variable (ours is `auto` or a count, or empty when copied from .env.example) as its own shard list.
    ...(settings.isShard ? {} : { shards: [0], shardCount: 1 }),
    partials: [Partials.Channel],
    rest: { api: settings.apiUrl, ...(settings.makeRequest ? { makeRequest: settings.makeRequest } : {}) },
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: CACHE_LIMITS,
  });

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    markArrival(interaction);
    if (interaction.isChatInputCommand()) {
      void ctx.inFlight.track(() => guardInteraction(ctx, 'chat-input', interaction, () => handleChatInput(ctx, interaction)));
    } else if (interaction.isAutocomplete()) {
      void ctx.inFlight.track(() => guardInteraction(ctx, 'autocomplete', interaction, () => handleAutocomplete(ctx, interaction)));
    } else if (interaction.isButton()) {
      void ctx.inFlight.track(() => guardInteraction(ctx, 'button', interaction, () => handleButton(ctx, interaction)));
    }
  });

  client.on(Events.MessageCreate, (message: Message) => {
    markArrival(message);
    const botId = client.user?.id;
    if (!botId) return;
    void ctx.inFlight.track(() => guardMessage(ctx, message, () => handleMessage(ctx, message, botId)));
  });

  client.on(Events.ClientReady, (ready) =>
    ctx.logger.info('gateway.ready', { userId: ready.user.id, guilds: ready.guilds.cache.size }),
  );
  // discord.js emits this only for close codes it will not recover from (4004 token reset, 4010–4014): the bot
  // would sit there connected to nothing, so it is the end of the process.
  client.on(Events.ShardDisconnect, (event, shardId) => onFatal('gateway-closed', { shardId, code: event.code }));
  client.on(Events.ShardReady, (shardId) => ctx.logger.info('gateway.shard-ready', { shardId }));
  client.on(Events.ShardReconnecting, (shardId) => {
    ctx.metrics.reconnect();
    ctx.logger.info('gateway.reconnecting', { shardId });
  });
  client.on(Events.ShardResume, (shardId, replayed) => ctx.logger.info('gateway.resumed', { shardId, replayed }));
  client.on(Events.ShardError, (error, shardId) => ctx.logger.error('gateway.error', { shardId, error }));
  client.on(Events.Error, (error) => ctx.logger.error('client.error', { error }));
  client.on(Events.Warn, (message) => ctx.logger.warn('client.warn', { message }));
  if (ctx.logger.enabled('debug')) client.on(Events.Debug, (message) => ctx.logger.debug('client.debug', { message }));
  return client;
}
