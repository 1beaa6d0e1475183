import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { sendToInteraction } from '../../src/discord/respond.js';
import { renderNotice } from '../../src/discord/render.js';

/** The parts of a discord.js interaction that `sendToInteraction` uses, recording what it was asked to do. */
function fakeInteraction(state: { deferred: boolean; replied: boolean; ephemeral: boolean | null }) {
  const calls: [string, unknown?][] = [];
  const interaction = {
    ...state,
    reply: async (p: unknown) => void calls.push(['reply', p]),
    editReply: async (p: unknown) => void calls.push(['editReply', p]),
    followUp: async (p: unknown) => void calls.push(['followUp', p]),
    deleteReply: async () => void calls.push(['deleteReply']),
  };
  return { interaction: interaction as unknown as RepliableInteraction, calls };
}

describe('sendToInteraction', () => {
  it('keeps a private notice private after a public deferral: the public placeholder goes, a private follow-up comes', async () => {
    const { interaction, calls } = fakeInteraction({ deferred: true, replied: false, ephemeral: false });
    const notice = renderNotice('There are no more results for this question.', { ephemeral: true });
    await sendToInteraction(interaction, notice);
    expect(calls.map(([name]) => name)).toEqual(['deleteReply', 'followUp']);
    expect((calls[1]![1] as { flags: number }).flags).toBe(MessageFlags.Ephemeral);
  });

  it('edits a deferral of the same visibility', async () => {
    const { interaction, calls } = fakeInteraction({ deferred: true, replied: false, ephemeral: true });
    await sendToInteraction(interaction, renderNotice('private', { ephemeral: true }));
    expect(calls.map(([name]) => name)).toEqual(['editReply']);
    const publicDeferral = fakeInteraction({ deferred: true, replied: false, ephemeral: false });
    await sendToInteraction(publicDeferral.interaction, renderNotice('public'));
    expect(publicDeferral.calls.map(([name]) => name)).toEqual(['editReply']);
  });

  it('replies when nothing was sent yet, and follows up after a reply', async () => {
    const fresh = fakeInteraction({ deferred: false, replied: false, ephemeral: null });
    await sendToInteraction(fresh.interaction, renderNotice('x'));
    expect(fresh.calls.map(([name]) => name)).toEqual(['reply']);
    const replied = fakeInteraction({ deferred: false, replied: true, ephemeral: false });
    await sendToInteraction(replied.interaction, renderNotice('x'));
    expect(replied.calls.map(([name]) => name)).toEqual(['followUp']);
  });
});
