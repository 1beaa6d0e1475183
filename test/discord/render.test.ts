import { ButtonStyle, ComponentType, MessageFlags, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/custom-id.js';
import {
  APOLOGY,
  LIMITS,
  MAX_RESULTS_TOTAL,
  embedsLength,
  escapeMarkdown,
  formatDate,
  formatPassage,
  readQuestion,
  readResultTitles,
  renderAnswer,
  renderApology,
  renderChoices,
  renderCooldown,
  renderHelp,
  renderNotice,
  renderSources,
  truncateAtSentence,
  type ReplyPayload,
} from '../../src/discord/render.js';
import type { Source } from '../../src/types.js';
import { BERNEWS, INTERPOL_2015, RADIO_HABANA, STRIKEBACK, answer, longText, result } from './fixtures.js';

const CORPUS: Source[] = [BERNEWS, RADIO_HABANA, INTERPOL_2015];
const view = { offset: 0, requested: 3, corpus: CORPUS };

/** Every Discord limit the bot must respect, checked on one payload. */
function expectWithinLimits(payload: ReplyPayload): void {
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(embedsLength(payload.embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const e of payload.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.author);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
  }
  for (const row of payload.components) {
    for (const button of row.components) {
      expect(button.custom_id.length).toBeLessThanOrEqual(100);
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
}

function customIds(payload: ReplyPayload): string[] {
  return payload.components.flatMap((row) => row.components.map((b) => b.custom_id));
}

describe('truncateAtSentence', () => {
  it('leaves text that fits untouched', () => {
    expect(truncateAtSentence('Short. Text.', 12)).toBe('Short. Text.');
  });

  it('cuts after the last whole sentence that fits and marks the cut', () => {
    const text = 'First sentence here. Second sentence here. Third sentence is long enough to overflow.';
    expect(truncateAtSentence(text, 50)).toBe('First sentence here. Second sentence here. …');
  });

  it('falls back to a word boundary when no sentence ends early enough', () => {
    const out = truncateAtSentence('one two three four five six seven eight nine ten', 20);
    expect(out).toBe('one two three four…');
  });

  it('keeps the end of the text when asked, starting at a sentence', () => {
    const text = 'Alpha sentence one. Beta sentence two. Gamma sentence three.';
    expect(truncateAtSentence(text, 45, 'end')).toBe('… Beta sentence two. Gamma sentence three.');
  });

  it('never splits an emoji in two', () => {
    const text = '😀'.repeat(50);
    for (let max = 2; max < 30; max++) {
      const out = truncateAtSentence(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      const end = truncateAtSentence(text, max, 'end');
      expect(end).not.toMatch(/(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('never exceeds the limit, whatever the text and the limit', () => {
    const texts = [longText(40), 'x'.repeat(5000), `${'word '.repeat(900)}.`, 'A. B. C. D. E. F.'];
    for (const text of texts) {
      for (const max of [1, 2, 3, 10, 57, 256, 1024, 4096]) {
        expect(truncateAtSentence(text, max).length).toBeLessThanOrEqual(max);
        expect(truncateAtSentence(text, max, 'end').length).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe('formatPassage', () => {
  it('shows the answering sentence in bold inside the passage', () => {
    const r = result(STRIKEBACK, 'It resulted in the arrest of 58 individuals.');
    expect(formatPassage(r, 4096)).toBe(STRIKEBACK.replace('It resulted in the arrest of 58 individuals.', '**It resulted in the arrest of 58 individuals.**'));
  });

  it('keeps the bold sentence visible when a long passage is cut, cutting at sentence boundaries', () => {
    const text = `${longText(30, 'before')} The ICSE database holds 2,345 victims. ${longText(30, 'after')}`;
    const out = formatPassage(result(text, 'The ICSE database holds 2,345 victims.'), 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out).toContain('**The ICSE database holds 2,345 victims.**');
    expect(out.startsWith('… Sentence')).toBe(true);
    expect(out.endsWith('. …')).toBe(true);
  });

  it('escapes markdown in the article text so it shows literally', () => {
    const text = 'Use *stars* and _underscores_ here. The `code` stays [plain](x).';
    const out = formatPassage(result(text, 'The `code` stays [plain](x).'), 4096);
    expect(out).toBe('Use \\*stars\\* and \\_underscores\\_ here. **The \\`code\\` stays \\[plain\\](x).**');
  });

  it('still finds the sentence when the offsets do not match the text', () => {
    const r = { ...result(STRIKEBACK, 'It resulted in the arrest of 58 individuals.'), highlightStart: 0, highlightEnd: 3 };
    expect(formatPassage(r, 4096)).toContain('**It resulted in the arrest of 58 individuals.**');
  });
});

describe('renderAnswer', () => {
  const strike = result(STRIKEBACK, 'It resulted in the arrest of 58 individuals.');

  it('gives one embed per result with the title linked to the article, publisher and date', () => {
    const payload = renderAnswer(answer('How many arrests?', [strike, result(STRIKEBACK, STRIKEBACK.split('. ')[0]! + '.', [INTERPOL_2015], 2)]), view);
    expect(payload.embeds).toHaveLength(2);
    const [first, second] = payload.embeds as [APIEmbed, APIEmbed];
    expect(first.title).toBe(BERNEWS.title);
    expect(first.url).toBe(BERNEWS.url);
    expect(first.author?.name).toBe('1. Bernews · 5 Oct 2014');
    expect(first.description).toContain('**It resulted in the arrest of 58 individuals.**');
    expect(second.author?.name).toBe('2. INTERPOL · 18 Nov 2015');
    expect(second.url).toBeUndefined();
  });

  it('links no URL that is over the 2,048 characters Discord allows once its brackets are encoded', () => {
    const long = { ...BERNEWS, url: `https://example.org/${'(a)'.repeat(600)}` }; // 1,820 characters, 3,020 encoded
    expect(long.url.length).toBeLessThan(2048);
    const embed = renderAnswer(answer('q?', [result(STRIKEBACK, 'It resulted in the arrest of 58 individuals.', [long])]), view).embeds[0]!;
    expect(embed.url).toBeUndefined();
    const fits = { ...BERNEWS, url: `https://example.org/${'(a)'.repeat(10)}` };
    const linked = renderAnswer(answer('q?', [result(STRIKEBACK, 'It resulted in the arrest of 58 individuals.', [fits])]), view).embeds[0]!;
    expect(linked.url).toBe(`https://example.org/${'%28a%29'.repeat(10)}`);
  });

  it('names both publishers when two articles were merged into one result', () => {
    const merged = result(STRIKEBACK, 'It resulted in the arrest of 58 individuals.', [BERNEWS, RADIO_HABANA]);
    const embed = renderAnswer(answer('q?', [merged]), view).embeds[0]!;
    expect(embed.author?.name).toContain('Bernews');
    expect(embed.fields?.[0]?.name).toBe('Also reported by');
    expect(embed.fields?.[0]?.value).toContain('Radio Habana Cuba · 7 Oct 2014');
    expect(embed.fields?.[0]?.value).toContain(`](${RADIO_HABANA.url})`);
  });

  it('stays within every Discord limit for five huge results, long titles and the longest question', () => {
    const hugeSource: Source = { ...BERNEWS, title: 'T'.repeat(400), publisher: 'P'.repeat(300) };
    const text = `${longText(200)} The answer sentence. ${longText(200)}`;
    const results = Array.from({ length: 5 }, (_, i) =>
      result(text, 'The answer sentence.', [hugeSource, ...Array.from({ length: 12 }, () => hugeSource)], i + 1),
    );
    const payload = renderAnswer(answer('q'.repeat(1000), results), { ...view, requested: 5 });
    expectWithinLimits(payload);
    expect(payload.embeds).toHaveLength(5);
    for (const e of payload.embeds) expect(e.description).toContain('**The answer sentence.**');
  });

  it('keeps the question in the footer so buttons can read it back after a restart', () => {
    const questions = ['@everyone what is sextortion?', '```js\nboom\n``` [x](https://evil)', '<@123456789012345678> and <@&987654321098765432>?'];
    for (const q of questions) {
      expect(readQuestion(renderAnswer(answer(q, [strike]), view).embeds)).toBe(q);
      expect(readQuestion(renderAnswer(answer(q, []), view).embeds)).toBe(q);
    }
  });

  it('offers "More results" for the next page only when this page was full', () => {
    const full = renderAnswer(answer('q?', [strike, strike, strike]), view);
    const more = full.components[0]!.components[0]!;
    expect(more.label).toBe('More results');
    expect(more.style).toBe(ButtonStyle.Primary);
    expect(decodeCustomId(more.custom_id)).toEqual({ action: 'more', offset: 3, count: 3 });

    const short = renderAnswer(answer('q?', [strike]), view);
    expect(customIds(short).map((id) => decodeCustomId(id)?.action)).toEqual(['vote', 'vote']);
  });

  it('stops offering more results at the paging limit', () => {
    const page = renderAnswer(answer('q?', [strike, strike, strike]), { ...view, offset: MAX_RESULTS_TOTAL - 3 });
    expect(customIds(page).some((id) => id.startsWith('more:'))).toBe(false);
  });

  it('puts Helpful and Not helpful buttons under every answer, numbered from the page offset', () => {
    const page = renderAnswer(answer('q?', [strike]), { ...view, offset: 3, requested: 3 });
    const votes = customIds(page).map((id) => decodeCustomId(id));
    expect(votes).toEqual([
      { action: 'vote', helpful: true, offset: 3 },
      { action: 'vote', helpful: false, offset: 3 },
    ]);
    expect(page.embeds[0]!.author?.name.startsWith('4. ')).toBe(true);
    expect(page.components[0]!.type).toBe(ComponentType.ActionRow);
  });

  it('answers a question the articles do not cover with a short polite refusal saying what is covered', () => {
    const payload = renderAnswer({ question: 'Who won the 1998 World Cup?', understood: 'Who won the 1998 World Cup?', refused: true, results: [] }, view);
    expect(payload.embeds).toHaveLength(1);
    const embed = payload.embeds[0]!;
    expect(embed.title).toBe('Not in the articles');
    expect(embed.description).toContain('3 news articles (2014–2015)');
    expect(embed.description).toContain('Bernews');
    expect(embed.description).toContain('`/sources`');
    expect(embed.description!.length).toBeLessThan(600);
    expect(customIds(payload).every((id) => id.startsWith('vote:'))).toBe(true);
  });

  it('says why it refused, with the closest article’s title escaped and its date written out', () => {
    const source = { title: 'Experts *meet* in Lyon', publisher: 'INTERPOL', published: '2014-10-05', url: null };
    const payload = renderAnswer({ question: 'q?', understood: 'q?', refused: true, refusal: { reason: 'year', years: [2019], source }, results: [] }, view);
    expect(payload.embeds[0]!.description).toContain(`The closest article, “Experts \\*meet\\* in Lyon” (INTERPOL, ${formatDate('2014-10-05')}), neither reports on 2019 nor states it where it answers.`);
  });

  it('tells a question with nothing to look for what to add, under its own title', () => {
    const payload = renderAnswer({ question: 'who?', understood: 'who?', refused: true, refusal: { reason: 'nothing-asked' }, results: [] }, view);
    expect(payload.embeds[0]!.title).toBe('Nothing to look for');
    // A vote on it is a vote on a refusal: no result titles.
    expect(readResultTitles(payload.embeds)).toEqual([]);
    expect(payload.embeds[0]!.description!.startsWith('The question names nothing to look for')).toBe(true);
    expect(payload.embeds[0]!.description).not.toContain("couldn't find");
  });

  it('marks the answer private when the asker wanted it so', () => {
    expect(renderAnswer(answer('q?', [strike]), { ...view, ephemeral: true }).flags).toBe(MessageFlags.Ephemeral);
    expect(renderAnswer(answer('q?', [strike]), view).flags).toBeUndefined();
  });
});

describe('mention safety', () => {
  const hostile = '@everyone @here <@&987654321098765432> <@123456789012345678>';
  const payloads: [string, ReplyPayload][] = [
    ['an answer', renderAnswer(answer(hostile, [result(`${hostile} said this.`, `${hostile} said this.`)]), view)],
    ['a refusal', renderAnswer(answer(hostile, []), view)],
    ['a notice', renderNotice(hostile)],
    ['an apology', renderApology()],
    ['a cooldown notice', renderCooldown(3)],
    ['the sources list', renderSources([{ ...BERNEWS, title: hostile }])],
    ['the help', renderHelp({ examples: [hostile], corpus: CORPUS, cooldownSeconds: 10, questionMaxLength: 300 })],
  ];

  it.each(payloads)('%s can never ping anyone', (_name, payload) => {
    expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('shows markdown from users and articles literally', () => {
    expect(escapeMarkdown('**bold** [link](https://x) `code` > quote # h')).toBe(
      '\\*\\*bold\\*\\* \\[link\\](https://x) \\`code\\` \\> quote \\# h',
    );
  });
});

describe('renderNotice', () => {
  it('keeps plain messages within 2000 characters', () => {
    const payload = renderNotice(longText(200));
    expect(payload.content!.length).toBeLessThanOrEqual(2000);
    expect(payload.embeds).toEqual([]);
  });

  it('apologises in one short private line', () => {
    const payload = renderApology({ ephemeral: true });
    expect(payload.content).toBe(APOLOGY);
    expect(payload.flags).toBe(MessageFlags.Ephemeral);
  });

  it('tells a hurried user how long to wait', () => {
    expect(renderCooldown(1).content).toContain('wait 1 second ');
    expect(renderCooldown(7).content).toContain('wait 7 seconds ');
  });
});

describe('renderSources', () => {
  it('lists every article with its title linked, publisher and date', () => {
    const payload = renderSources(CORPUS);
    const text = payload.embeds.map((e) => e.description).join('\n');
    expect(payload.embeds[0]!.title).toBe('The 3 articles I answer from');
    expect(text).toContain(`[${BERNEWS.title}](${BERNEWS.url}) — Bernews · 5 Oct 2014`);
    expect(text).toContain(`${escapeMarkdown(INTERPOL_2015.title)} — INTERPOL · 18 Nov 2015`);
  });

  it('stays within the limits for a large corpus and says how many were left out', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...BERNEWS, title: `Article number ${i} ${'x'.repeat(80)}` }));
    const payload = renderSources(many);
    expectWithinLimits(payload);
    expect(payload.embeds.at(-1)!.description).toMatch(/…and \d+ more\.$/);
  });
});

describe('renderHelp', () => {
  it('explains how to ask, with examples and the limits in force', () => {
    const payload = renderHelp({ examples: ['What is sextortion?'], corpus: CORPUS, cooldownSeconds: 10, questionMaxLength: 300 });
    const embed = payload.embeds[0]!;
    expect(embed.description).toContain('/ask question:');
    expect(embed.description).toContain('Mention me');
    expect(embed.description).toContain('up to 300 characters, one every 10 seconds');
    expect(embed.fields?.[0]?.value).toContain('What is sextortion?');
    expectWithinLimits(payload);
  });
});

describe('renderChoices', () => {
  it('offers at most 25 choices with names and values within 100 characters', () => {
    const choices = renderChoices([...Array.from({ length: 40 }, (_, i) => `Question ${i}?`), 'x'.repeat(150)]);
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
