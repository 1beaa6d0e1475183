/**
 * Sending a rendered payload through discord.js, whatever state the interaction is in
 * (fresh, deferred, already answered), and the top-level guards that turn any handler failure
 * into one logged error and one short private apology.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type Message,
  type RepliableInteraction,
} from 'discord.js';
import type { Delivery } from './answering.js';
import { arrivalOf } from './arrival.js';
import type { BotContext } from './context.js';
import { renderApology, type ReplyPayload } from './render.js';

function withoutFlags(payload: ReplyPayload): Omit<ReplyPayload, 'flags'> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

/** Replies, edits the deferred reply, or follows up, as the interaction's state requires. */
export async function sendToInteraction(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
  const privateNotice = ((payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  if (interaction.deferred && !interaction.replied && privateNotice && !interaction.ephemeral) {
    // An edit keeps the deferral's visibility: a private notice must not land in the public "thinking…" message.
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(payload);
  } else if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(withoutFlags(payload));
  } else if (interaction.replied) {
    await interaction.followUp(payload);
  } else {
    await interaction.reply(payload);
  }
}

export function interactionDelivery(interaction: RepliableInteraction, ephemeral: boolean): Delivery {
  return {
    ephemeral,
    arrivedAt: arrivalOf(interaction),
    noticesArePublic: false,
    defer: () => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    send: (payload) => sendToInteraction(interaction, payload),
  };
}

export function messageDelivery(message: Message): Delivery {
  return {
    ephemeral: false,
    arrivedAt: arrivalOf(message),
    noticesArePublic: true,
    defer: async () => {
      if ('sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
    },
    // Replies to a message cannot be ephemeral: notices meant for the asker only are sent as plain replies.
    send: (payload) => message.reply(withoutFlags(payload)),
  };
}

function ids(interaction: RepliableInteraction | AutocompleteInteraction) {
  return {
    interactionId: interaction.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
}

/** Runs an interaction handler; on failure logs the detail and sends one short private apology. */
export async function guardInteraction(
  ctx: BotContext,
  kind: string,
  interaction: RepliableInteraction | AutocompleteInteraction,
  handler: () => Promise<void>,
): Promise<void> {
  try {
    await handler();
  } catch (error) {
    ctx.logger.error('handler.failed', { kind, ...ids(interaction), error });
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.deferred && !interaction.replied) {
        // The "thinking…" placeholder may be public: remove it and apologise to the asker only.
        await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp(renderApology({ ephemeral: true }));
      } else if (interaction.replied) {
        await interaction.followUp(renderApology({ ephemeral: true }));
      } else {
        await interaction.reply(renderApology({ ephemeral: true }));
      }
    } catch (apologyError) {
      ctx.logger.warn('apology.failed', { kind, ...ids(interaction), error: apologyError });
    }
  }
}

/** Runs a message handler; on failure logs the detail and replies with one short apology. */
export async function guardMessage(ctx: BotContext, message: Message, handler: () => Promise<void>): Promise<void> {
  try {
    await handler();
  } catch (error) {
    const where = { messageId: message.id, guildId: message.guildId, channelId: message.channelId, userId: message.author.id };
    ctx.logger.error('handler.failed', { kind: 'message', ...where, error });
    try {
      await message.reply(withoutFlags(renderApology()));
    } catch (apologyError) {
      ctx.logger.warn('apology.failed', { kind: 'message', ...where, error: apologyError });
    }
  }
}
