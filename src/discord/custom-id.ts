/**
 * Stateless codec for button custom ids, `action:payload`, at most 100 characters (Discord's limit).
 * Everything a button needs after a restart is in its id; the question itself is read back from
 * the message the button sits on (see `render.ts`), never from process memory.
 */

export const CUSTOM_ID_MAX = 100;

export type ButtonAction =
  /** Show `count` results starting after the first `offset` ones. */
  | { action: 'more'; offset: number; count: number }
  /** A vote on the results of the message, which started at `offset`. */
  | { action: 'vote'; helpful: boolean; offset: number };

export type ButtonActionName = ButtonAction['action'];

const SMALL_INT = /^(0|[1-9]\d{0,2})$/;

/** Results per message at most, and how deep "More results" may page. */
export const MAX_RESULTS_PER_MESSAGE = 5;
export const MAX_RESULTS_TOTAL = 15;

export function encodeCustomId(button: ButtonAction): string {
  let id: string;
  switch (button.action) {
    case 'more':
      id = `more:${button.offset}.${button.count}`;
      break;
    case 'vote':
      id = `vote:${button.helpful ? 'up' : 'down'}.${button.offset}`;
      break;
  }
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom id longer than ${CUSTOM_ID_MAX} characters`);
  return id;
}

/** Returns null for ids this bot did not make (old versions, other apps, tampering). */
export function decodeCustomId(id: string): ButtonAction | null {
  if (id.length > CUSTOM_ID_MAX) return null;
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const action = id.slice(0, colon);
  const parts = id.slice(colon + 1).split('.');
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  switch (action) {
    case 'more': {
      if (!SMALL_INT.test(a) || !SMALL_INT.test(b)) return null;
      const offset = Number(a);
      const count = Number(b);
      // Only what the bot itself makes: at most a message's worth, and never past the last result it shows.
      if (count < 1 || count > MAX_RESULTS_PER_MESSAGE || offset + count > MAX_RESULTS_TOTAL) return null;
      return { action: 'more', offset, count };
    }
    case 'vote': {
      if ((a !== 'up' && a !== 'down') || !SMALL_INT.test(b)) return null;
      return { action: 'vote', helpful: a === 'up', offset: Number(b) };
    }
    default:
      return null;
  }
}
