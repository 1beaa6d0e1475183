import { beforeAll, describe, expect, it } from 'vitest';
import { parseReference, peopleNamed, referenceQuestion, resolveFollowUp } from '../../src/answer/follow-up.js';
import { openAnswerer, type Answerer } from '../../src/answer/index.js';
import { loadConfig } from '../../src/config.js';

const COUNT = 'how many countries attended in 2011?';

describe('resolveFollowUp: the resolution table (general English, no corpus names)', () => {
  it.each([
    // a new time replaces the previous one
    ['and in 2014?', COUNT, 'how many countries attended in 2014?'],
    ['what about 2015?', COUNT, 'how many countries attended in 2015?'],
    ['same for 2022', COUNT, 'how many countries attended in 2022?'],
    ['the year before?', COUNT, 'how many countries attended in 2010?'],
    ['and three years later?', COUNT, 'how many countries attended in 2014?'],
    ['and last year?', COUNT, 'how many countries attended in 2010?'],
    ['and last time?', COUNT, 'how many countries attended in 2010?'],
    ["and in '14?", COUNT, 'how many countries attended in 2014?'],
    ['and how many in 2015?', COUNT, 'how many countries attended in 2015?'],
    ['and the latest?', COUNT, 'how many countries attended most recently?'],
    ['and now?', 'how many victims had been identified by 2015?', 'how many victims had been identified most recently?'],
    ['and now?', 'how many offenders were in icse as of 2014?', 'how many offenders were in icse most recently?'],
    ['and the 2014 one?', 'who opened the 2015 meeting?', 'who opened the 2014 meeting?'],
    ['how about in 2022', 'who chaired the meeting in 2015?', 'who chaired the meeting in 2022?'],
  ])('time: "%s" after "%s" → "%s"', (message, previous, understood) => {
    expect(resolveFollowUp(message, previous)).toEqual({ kind: 'time', question: understood });
  });

  it.each([
    // a new thing counted replaces the previous one; the rest of the question stays
    ['and experts?', COUNT, 'how many experts attended in 2011?'],
    ['and so-called experts?', COUNT, 'how many so-called experts attended in 2011?'],
    ['what about victims?', COUNT, 'how many victims attended in 2011?'],
    ['and how many experts?', COUNT, 'how many experts attended in 2011?'],
    ['experts in 2014?', COUNT, 'how many experts attended in 2014?'],
    ['ok and arrests?', 'how many people did the operation identify?', 'how many arrests did the operation identify?'],
    ['and offenders arrested?', 'how many victims were identified by 2015?', 'how many offenders were identified by 2015?'],
    // a participle replaces the verb; a qualifier asks the same again
    ['and rescued?', 'how many victims were identified in 2015?', 'how many victims were rescued in 2015?'],
    // …in place of the previous question's own qualifier: a daily number asked "in total" is the total
    ['and in total?', 'how many victims were identified per day in 2015?', 'how many victims were identified in 2015 in total?'],
    ['and in total?', 'how many victims were identified per day on average through icse in 2015?', 'how many victims were identified through icse in 2015 in total?'],
    ['on average?', 'how many reports came in per year?', 'how many reports came in on average?'],
    ['and in total?', 'how many experts from around the world came in all years?', 'how many experts from around the world came in all years in total?'],
  ])('thing: "%s" after "%s" → "%s"', (message, previous, understood) => {
    expect(resolveFollowUp(message, previous)).toEqual({ kind: 'thing', question: understood });
  });

  it.each([
    ['who said that?', 'speaker'],
    ['who was quoted?', 'speaker'],
    ['where was that?', 'place'],
    ['where was it held?', 'place'],
    ['where is he from?', 'place'],
    ['when was it?', 'date'],
    ['which article is that from?', 'source'],
    ['who reported that?', 'source'],
    ['when was that published?', 'source'],
    ['which article said that?', 'source'],
    ['what story is this from?', 'source'],
    ['and who opened it?', 'topic'],
    ['what was his job?', 'topic'],
    ['why?', 'topic'],
    ['from how many countries?', 'topic'],
    ['and the chair?', 'topic'],
    ['what about the ICSE database?', 'topic'],
  ])('reference: "%s" is asked of the previous answer (%s)', (message, about) => {
    const r = resolveFollowUp(message, COUNT);
    expect(r).toEqual({ kind: 'reference', about, message, previous: COUNT, question: `${message} (after “${COUNT}”)` });
  });

  it.each([
    'and who opened the 2015 meeting?',
    'ok what is the ICSE database?',
    'what is sextortion?',
    'which website did the operation take down?',
    'what paper did the group adopt?',
    'what report did interpol publish in 2014?',
    'who is the coordinator?',
    'what about the victim identification workshop in 2011, when was it?',
    'so what was the 2011 strategic plan aimed at?',
    'who hosted the 2014 conference?',
    'how many experts attended in 2014?',
    'and',
  ])('a message that stands on its own is left exactly as written: "%s"', (message) => {
    expect(resolveFollowUp(message, COUNT)).toEqual({ kind: 'new', question: message });
  });

  it('leaves every message as written when there is no previous answer', () => {
    expect(resolveFollowUp('and in 2014?', null)).toEqual({ kind: 'new', question: 'and in 2014?' });
  });

  it('cannot move a relative time without a year: it needs the previous answer\'s year', () => {
    expect(resolveFollowUp('the year before?', 'how many countries attended the latest meeting?').kind).toBe('new');
    expect(resolveFollowUp('the year before?', 'how many countries attended the latest meeting?', 2022)).toEqual({
      kind: 'time',
      question: 'how many countries attended in 2021?',
    });
  });

  it('carries a chain: a time change after a reference asks the same of the other time', () => {
    const previous = referenceQuestion('who said that?', COUNT);
    expect(parseReference(previous)).toEqual({ message: 'who said that?', previous: COUNT });
    expect(resolveFollowUp('and in 2014?', previous)).toMatchObject({ kind: 'reference', about: 'speaker', previous: 'how many countries attended in 2014?' });
    // Anything else after a reference continues from the question it referred to.
    expect(resolveFollowUp('and experts?', previous)).toEqual({ kind: 'thing', question: 'how many experts attended in 2011?' });
  });
});

describe('peopleNamed: who a previous answer names, for "he", "his", "she"…', () => {
  it('finds the person in a sentence that names one, and nobody in one that names none', () => {
    expect(peopleNamed('Opening the conference, INTERPOL Executive Director of Police Services Stephen Kavanagh underscored the importance of global efforts.')).toEqual(['Stephen', 'Kavanagh']);
    expect(peopleNamed('The five-day meeting brought together 140 experts from 33 countries and private sector partners.')).toEqual([]);
  });
});

describe('Answerer.ask with `after` (real model and index)', () => {
  let answerer: Answerer;
  beforeAll(async () => {
    answerer = await openAnswerer(loadConfig({}));
    await answerer.ready();
  }, 120_000);

  const years = (a: { results: { sources: { published: string }[] }[] }) => a.results[0]!.sources.map((s) => Number(s.published.slice(0, 4)));

  it('answers "and in 2014?" after the 2011 question with the 2014 figure, and says how it understood it', async () => {
    const answer = await answerer.ask('and in 2014?', { after: COUNT });
    expect(answer.question).toBe('and in 2014?');
    expect(answer.understood).toBe('how many countries attended in 2014?');
    expect(answer.refused).toBe(false);
    expect(years(answer)).toContain(2014);
    expect(answer.results[0]!.highlight).toContain('33 countries');
  });

  it('answers "who said that?" with the sentence naming the speaker of the quoted answer', async () => {
    const previous = 'who said abuse images are crime scenes?';
    const first = await answerer.ask(previous);
    const answer = await answerer.ask('who said that?', { after: first.understood });
    expect(answer.understood).toBe('who said that? (after “who said abuse images are crime scenes?”)');
    expect(answer.results[0]!.highlight).toContain('Anders Persson');
  });

  it('refuses "who said that?" when the answer quotes nobody, saying its article does not say', async () => {
    const answer = await answerer.ask('who said that?', { after: 'how many experts attended in 2014?' });
    expect(answer.refused).toBe(true);
    expect(answer.refusal).toMatchObject({ reason: 'speaker', source: { published: expect.stringMatching(/^2014-/) } });
  });

  it('refuses a question about a refused answer for the same reason', async () => {
    const answer = await answerer.ask('who said that?', { after: 'how many countries attended in 2031?' });
    expect(answer.refusal).toEqual({ reason: 'years', years: [2031] });
  });

  it('answers "when was it?" from the previous answer\'s own article, and "which article is that from?" with it', async () => {
    const when = await answerer.ask('when was it?', { after: COUNT });
    expect(years(when)).toEqual([2011]);
    expect(when.results[0]!.highlight).toContain('5 – 7 September');
    const which = await answerer.ask('which article is that from?', { after: COUNT });
    const original = await answerer.ask(COUNT);
    expect(which.results).toHaveLength(1);
    expect(which.results[0]!.sources).toEqual(original.results[0]!.sources);
  });

  it('answers "where was that?" with the sentence naming a place, not one with a capitalised phrase after "in"', async () => {
    // The quoted sentence says "capabilities in Victim Identification", which once passed for a place.
    const where = await answerer.ask('where was that?', { after: 'what did kavanagh say interpol was doing with its crimes against children unit?' });
    expect(years(where)).toEqual([2022]);
    expect(where.results[0]!.highlight).toMatch(/^LYON, France/);
  });

  it('answers "what was his job?" about the person the previous answer names, not the question', async () => {
    // "who opened the 2022 meeting?" names nobody; "his" is the man its answer names.
    const answer = await answerer.ask('what was his job?', { after: 'and who opened the 2022 meeting?' });
    expect(years(answer)).toEqual([2022]);
    expect(answer.results[0]!.highlight).toContain('Executive Director of Police Services');
  });

  it('answers "and the theme?" after "how long…?" with the theme, not with the meeting\'s length again', async () => {
    const answer = await answerer.ask('and the theme?', { after: 'how long did the 2014 lyon meeting run?' });
    expect(years(answer)).toContain(2014);
    expect(answer.results[0]!.highlight).toContain('Protecting children through collaboration');
  });

  it('asks the understood form of a reference again and gets the same answer (what a Discord footer stores)', async () => {
    const answer = await answerer.ask('when was it?', { after: COUNT });
    const again = await answerer.ask(answer.understood);
    expect(again.understood).toBe(answer.understood);
    expect(again.results.map((r) => r.highlight)).toEqual(answer.results.map((r) => r.highlight));
  });

  it('leaves a question that stands on its own untouched, and answers it as if asked alone', async () => {
    const message = 'who hosted the 2014 meeting?';
    const after = await answerer.ask(message, { after: COUNT });
    const alone = await answerer.ask(message);
    expect(after.understood).toBe(message);
    expect(after.results).toEqual(alone.results);
  });
});
