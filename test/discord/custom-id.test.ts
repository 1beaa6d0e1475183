import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, decodeCustomId, encodeCustomId, type ButtonAction } from '../../src/discord/custom-id.js';

describe('encodeCustomId / decodeCustomId', () => {
  const buttons: ButtonAction[] = [
    { action: 'more', offset: 3, count: 3 },
    { action: 'more', offset: 14, count: 1 },
    { action: 'vote', helpful: true, offset: 0 },
    { action: 'vote', helpful: false, offset: 10 },
  ];

  it.each(buttons)('round-trips %o through a custom id of at most 100 characters', (button) => {
    const id = encodeCustomId(button);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(id.startsWith(`${button.action}:`)).toBe(true);
    expect(decodeCustomId(id)).toEqual(button);
  });

  it('gives distinct ids to the buttons of one message', () => {
    const ids = [
      encodeCustomId({ action: 'more', offset: 3, count: 3 }),
      encodeCustomId({ action: 'vote', helpful: true, offset: 0 }),
      encodeCustomId({ action: 'vote', helpful: false, offset: 0 }),
    ];
    expect(new Set(ids).size).toBe(3);
  });

  it.each(['', 'more', 'more:', 'more:1', 'more:1.0', 'more:-1.3', 'more:01.3', 'more:1.2.3', 'vote:maybe.0', 'delete:1.1', `more:1.${'1'.repeat(120)}`, 'more:15.5', 'more:14.2', 'more:3.6', 'more:999.5'])(
    'ignores a button id the bot did not make: %j',
    (id) => {
      expect(decodeCustomId(id)).toBeNull();
    },
  );
});
