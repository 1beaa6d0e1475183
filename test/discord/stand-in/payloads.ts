/**
 * Builders for the gateway payloads Discord would send: interactions and messages, in a guild or a DM. They are
 * in the stand-in's first guild unless told another (`guildId`, `channelId`).
 */
import { nextSnowflake, type DiscordStandIn, type StoredMessage } from './server.js';

export interface TestUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export function newUser(username = 'asker'): TestUser {
  return { id: nextSnowflake(), username, discriminator: '0', global_name: username, avatar: null };
}

/** Which of the stand-in's guilds, and which channel of it: its text channel unless `channelId` names another. */
export interface Place {
  guildId?: string;
  channelId?: string;
}

interface Where extends Place {
  user: TestUser;
  /** A DM with the bot instead of a guild channel. */
  dm?: boolean;
}

function placeOf(standIn: DiscordStandIn, place: Place): { guildId: string; channelId: string } {
  const guildId = place.guildId ?? (place.channelId && standIn.guildOfChannel(place.channelId)) ?? standIn.guildId;
  return { guildId, channelId: place.channelId ?? standIn.channelIdOf(guildId) };
}

function base(standIn: DiscordStandIn, where: Where) {
  const id = nextSnowflake();
  const common = {
    id,
    application_id: standIn.applicationId,
    token: `itok-${id}-secretpart`,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (where.dm) {
    const channelId = `${BigInt(where.user.id) + 7n}`;
    return {
      ...common,
      channel_id: channelId,
      channel: { id: channelId, type: 1, recipients: [where.user], flags: 0 },
      user: where.user,
      authorizing_integration_owners: { '0': standIn.guildId },
      context: 1,
    };
  }
  const { guildId, channelId } = placeOf(standIn, where);
  return {
    ...common,
    guild_id: guildId,
    guild_locale: 'en-US',
    guild: { id: guildId, locale: 'en-US', features: [] },
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: guildId, name: 'general', position: 0, flags: 0, permissions: '2248473465835073' },
    member: {
      user: where.user,
      roles: [],
      permissions: '2248473465835073',
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
      communication_disabled_until: null,
    },
    authorizing_integration_owners: { '0': guildId },
    context: 0,
  };
}

export type OptionValue = string | number | boolean;

const OPTION_TYPE = { string: 3, number: 4, boolean: 5 } as const;

export function chatInput(standIn: DiscordStandIn, name: string, options: Record<string, OptionValue>, where: Where) {
  return {
    ...base(standIn, where),
    type: 2,
    data: {
      id: nextSnowflake(),
      name,
      type: 1,
      options: Object.entries(options).map(([n, value]) => ({ name: n, type: OPTION_TYPE[typeof value as 'string'], value })),
    },
  };
}

export function autocomplete(standIn: DiscordStandIn, typed: string, where: Where) {
  return {
    ...base(standIn, where),
    type: 4,
    data: { id: nextSnowflake(), name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: typed, focused: true }] },
  };
}

/** A stored message as Discord sends it to a bot (without the stand-in's own bookkeeping). */
function asSent(message: StoredMessage | Record<string, any>): Record<string, any> {
  const { interactionId: _ignored, deleted: _deleted, allowed_mentions: _am, ...asDiscordSendsIt } = message;
  return asDiscordSendsIt;
}

export function buttonClick(standIn: DiscordStandIn, customId: string, message: StoredMessage, where: Where) {
  const asDiscordSendsIt = asSent(message);
  return {
    ...base(standIn, where),
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: asDiscordSendsIt,
  };
}

export interface MessageOptions extends Place {
  mentionBot: boolean;
  dm?: boolean;
  /** Posted as a reply to this message (Discord's reply: `message_reference` and `referenced_message`). */
  replyTo?: StoredMessage | Record<string, any>;
  /** Whether the reply mentions the author of `replyTo` (Discord's "@ ON" switch; default on). */
  ping?: boolean;
  /** Posted in this thread (of its own guild) instead of a text channel. */
  threadId?: string;
}

export function channelMessage(standIn: DiscordStandIn, content: string, author: TestUser, options: MessageOptions) {
  const id = nextSnowflake();
  const { guildId, channelId } = placeOf(standIn, { ...options, channelId: options.threadId ?? options.channelId });
  const replyTo = options.replyTo;
  const repliedAuthor = replyTo && options.ping !== false ? [(replyTo as any).author] : [];
  const mentions = [...(options.mentionBot ? [standIn.botUser] : []), ...repliedAuthor.filter((u: any) => !options.mentionBot || u.id !== standIn.botUser.id)];
  const common = {
    id,
    type: replyTo ? 19 : 0,
    content,
    author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: content.includes('@everyone') || content.includes('@here'),
    mentions,
    mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]),
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
    components: [],
    ...(replyTo
      ? {
          message_reference: { type: 0, message_id: replyTo.id, channel_id: replyTo.channel_id, ...(options.dm ? {} : { guild_id: guildId }) },
          referenced_message: asSent(replyTo),
        }
      : {}),
  };
  if (options.dm) {
    return { ...common, channel_id: `${BigInt(author.id) + 7n}`, channel_type: 1 };
  }
  return {
    ...common,
    channel_id: channelId,
    channel_type: options.threadId ? 11 : 0,
    guild_id: guildId,
    member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
  };
}
