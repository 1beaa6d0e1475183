import { describe, expect, expectTypeOf, it } from 'vitest';
import { askCommand, commandRegistrations } from '../../src/discord/commands/index.js';
import { readOptions, type OptionSource } from '../../src/discord/commands/define.js';

function source(values: Record<string, unknown>): OptionSource {
  return { get: (name) => (name in values ? { value: values[name] } : null) };
}

describe('readOptions', () => {
  it('reads typed values derived from the command definition', () => {
    const options = readOptions(askCommand, source({ question: 'What is sextortion?', results: 5, private: true, thread: false }));
    expect(options).toEqual({ question: 'What is sextortion?', results: 5, private: true, thread: false });
    expectTypeOf(options).toEqualTypeOf<{ question: string; results: number | null; private: boolean | null; thread: boolean | null }>();
  });

  it('gives null for optional options the user left out or that have the wrong type', () => {
    expect(readOptions(askCommand, source({ question: 'q?', results: 'five' }))).toEqual({ question: 'q?', results: null, private: null, thread: null });
  });

  it('refuses to run without a required option', () => {
    expect(() => readOptions(askCommand, source({}))).toThrow('required option "question"');
  });
});

describe('commandRegistrations', () => {
  it('limits the /ask question to the configured length, so Discord stops a user at the limit', () => {
    const question = (limits?: { questionMaxLength: number }) =>
      commandRegistrations(limits).find((b) => b.name === 'ask')!.options!.find((o) => o.name === 'question') as { max_length?: number };
    expect(question({ questionMaxLength: 300 }).max_length).toBe(300);
    expect(question().max_length).toBe(1000);
  });

  it('registers /ask, /sources and /help for servers and DMs with the bot', () => {
    const bodies = commandRegistrations();
    expect(bodies.map((b) => b.name)).toEqual(['ask', 'sources', 'help']);
    for (const body of bodies) {
      expect(body.description.length).toBeLessThanOrEqual(100);
      expect(body.contexts).toEqual([0, 1]);
      for (const option of body.options ?? []) expect(option.description.length).toBeLessThanOrEqual(100);
    }
  });
});
