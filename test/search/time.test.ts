import { describe, expect, it } from 'vitest';
import { monthWriter, namesPeriod, reportsOn, splitYearWriter, timeClass, timeGate, timeScope, withoutTimePhrases, yearsStated, type TimedArticle, type TimeEvidence } from '../../src/search/time.js';
import { eventWriter } from '../../src/search/index.js';
import { storyYearMentions } from '../../src/passages/index.js';

/** `stated`: each year the article's text states, as many times as it states it. */
const article = (id: string, year: number, stated: number[] = [], yearSet = false): TimedArticle => {
  const mentions = new Map<number, number>();
  for (const y of stated) mentions.set(y, (mentions.get(y) ?? 0) + 1);
  return { id, year, statedYears: new Set(stated), reportsOn: reportsOn(year, mentions, yearSet) };
};

describe('yearsStated', () => {
  it('reads years and both ends of a span, as financial and report years are written', () => {
    expect(yearsStated('in 2017-18 police recorded')).toEqual([2017, 2018]);
    expect(yearsStated('the 2021/22 financial year')).toEqual([2021, 2022]);
    expect(yearsStated('between 2013–2015')).toEqual([2013, 2015]);
    expect(yearsStated('14-17 November 2022, 5,140 victims')).toEqual([2022]);
    expect(yearsStated('no year here, 1,000 images')).toEqual([]);
  });
});

describe('timeScope', () => {
  it('takes a financial year as both of its years, and as one period', () => {
    const period = { from: 2017, to: 2018 };
    expect(timeScope('how many offences did uk police record in 2017-18?')).toEqual({ kind: 'year', years: [2017, 2018], period });
    expect(timeScope('how many offences in 2017/2018?')).toEqual({ kind: 'year', years: [2017, 2018], period });
    expect(timeScope('how many offences in 2017 and 2018?')).toEqual({ kind: 'year', years: [2017, 2018] });
  });

  it('reads "the first year" as the earliest story, but "its first year" as a year of something, not a time to pick by', () => {
    expect(timeScope('how many countries came in the first year?')).toEqual({ kind: 'earliest' });
    expect(timeScope('what was the count in the oldest year on record?')).toEqual({ kind: 'earliest' });
    expect(timeScope('how many reports did the centre get in its very first year?')).toEqual({ kind: 'none' });
  });

  it('reads "since <year>" as a change up to now, which the newest story reports', () => {
    expect(timeScope('by how much have reports risen since 2019?')).toEqual({ kind: 'latest' });
  });

  it.each([
    'what share of victims were children between 2007 and 2010?',
    'what share of victims were children in 2007-2010?',
    'how many were arrested from 2019 to 2021?',
  ])('reads a span of years as the period a figure covers, naming no story’s year: "%s"', (question) => {
    expect(timeScope(question)).toEqual({ kind: 'none' });
  });

  it.each([
    ['how many children were removed from harm after four years?', true],
    ['how much did reports grow between 2020 and 2022?', true],
    ['how many arrests in the first six months?', true],
    ['how many arrests did the 10-day operation make?', true],
    ['how many reports did the centre get in its very first year?', true],
    ['how many images of 7 to 10 year olds were found?', false],
    ['how many children has the centre removed from harm?', false],
    ['how many countries attended in 2011?', false],
  ])('tells a figure for a period ("%s") from a figure that may be asked of any year', (question, period) => {
    expect(namesPeriod(question)).toBe(period);
  });

  it.each([
    'what was the earliest count of victims identified?',
    "what's the hotline's earliest yearly total?",
    'in the earliest period tracked, what share of victims were children?',
    'where was the first meeting held?',
  ])('reads "earliest" anywhere, and "first" before a noun of time, as the oldest story: "%s"', (question) => {
    expect(timeScope(question)).toEqual({ kind: 'earliest' });
  });

  it.each(['what was the first large-scale operation against sextortion called?', 'how old was the oldest suspect?'])(
    'leaves "first" and "oldest" that are not about time alone: "%s"',
    (question) => {
      expect(timeScope(question)).toEqual({ kind: 'none' });
    },
  );

  it('still takes a year named beside a span', () => {
    expect(timeScope('in the 2013 report, what share of victims were children between 2007 and 2010?')).toEqual({ kind: 'year', years: [2013] });
  });
});

describe('withoutTimePhrases', () => {
  it('drops "earliest" as it drops "latest": a word of time, not of the topic', () => {
    expect(withoutTimePhrases('what was the earliest count of victims identified?')).toBe('what was count of victims identified?');
  });

  it('drops a financial year', () => {
    expect(withoutTimePhrases('how many offences were recorded in 2017-18?')).toBe('how many offences were recorded?');
  });

  it('keeps a span of years, the words of the figure’s period, and drops the other years', () => {
    const stripped = withoutTimePhrases('what share were children between 2007 and 2010 according to the 2013 report?');
    expect(stripped).toContain('between 2007 and 2010');
    expect(stripped).not.toContain('2013');
    expect(withoutTimePhrases('what share were children in 2007-2010?')).toBe('what share were children in 2007-2010?');
  });
});

describe('reportsOn', () => {
  const times = (...pairs: [number, number][]) => new Map(pairs);
  it('is the article’s own year, unless it states the year before more often (a report on the year just gone)', () => {
    expect(reportsOn(2024, times([2023, 1], [2022, 1]), false)).toBe(2023);
    expect(reportsOn(2024, times([2024, 1], [2023, 1]), false)).toBe(2024);
    expect(reportsOn(2011, times([2009, 3]), false)).toBe(2011);
    expect(reportsOn(2015, times([2014, 2]), true)).toBe(2015);
  });

  it('takes one mention of the year before for what a story reports on only where it speaks of a report or figures', () => {
    // "sparked in mid-2016", in a story of 2017: the date of an event.
    expect(reportsOn(2017, times([2016, 1]), false, 'Police arrested 39 suspects. The investigation was sparked in mid-2016.')).toBe(2017);
    // "The annual report … received about 29.2 million reports … in 2024", in a story of 2025: a report on 2024.
    expect(reportsOn(2025, times([2024, 1]), false, 'The annual report said it received about 29.2 million reports in 2024.')).toBe(2024);
    // Twice is enough without the words.
    expect(reportsOn(2017, times([2016, 2]), false, 'It began in 2016. By late 2016 it had grown.')).toBe(2016);
  });

  it('takes a report on the year before that also dates its own event, by which year it states more', () => {
    // "On 28 April 2025 … our 2024 report … In 2024, … 2024 …": a report on 2024.
    expect(reportsOn(2025, times([2025, 1], [2024, 4]), false)).toBe(2024);
    // A 2025 story that mentions last year once: of 2025.
    expect(reportsOn(2025, times([2025, 2], [2024, 1]), false)).toBe(2025);
  });
});

describe('storyYearMentions', () => {
  it('counts "last year" as the year before the story’s where the story gives a report’s figures', () => {
    const text = 'Police recorded 12,262 cases last year, according to crime statistics. In 2018 there were 7,449 cases.';
    expect(storyYearMentions(text, 2020)).toEqual(new Map([[2018, 1], [2019, 1]]));
    expect(reportsOn(2020, storyYearMentions(`${text} The figures for last year were released on Tuesday.`, 2020), false)).toBe(2019);
  });

  it('counts a sentence setting this year against last year as stating the story’s own year, not the year before', () => {
    const text = 'Officers rescued 183 children, over five times the 33 rescues made in 2021. A total of 637 people were reported arrested this year, compared to last year’s 101.';
    expect(storyYearMentions(text, 2022)).toEqual(new Map([[2021, 1], [2022, 1]]));
    expect(reportsOn(2022, storyYearMentions(text, 2022), false)).toBe(2022);
    // "This year" alone may be the report's year: it counts for no year.
    const report = 'The annual report said 29.2 million reports were received in 2024. Meta this year still made up 67% of the reports.';
    expect(storyYearMentions(report, 2025)).toEqual(new Map([[2024, 1]]));
  });

  it('does not count "last year" that dates an event, nor "the last year", the past twelve months', () => {
    expect(storyYearMentions('Police signed an agreement with the agency in August last year.', 2014)).toEqual(new Map());
    expect(storyYearMentions('More than 7,000 offences were recorded over the last year.', 2024)).toEqual(new Map());
  });
});

describe('timeClass', () => {
  const scope = { kind: 'year' as const, years: [2023] };
  it('ranks a story reporting on the named year above one merely of that year or of the next', () => {
    expect(timeClass(scope, article('report-on-2023', 2024, [2023]))).toBe(2);
    expect(timeClass(scope, article('of-2023', 2023, [2023]))).toBe(2);
    expect(timeClass(scope, article('of-2023-about-2022', 2023, [2022]))).toBe(1);
    expect(timeClass(scope, article('next-year-stating-it', 2024, [2024, 2023]))).toBe(1);
    expect(timeClass(scope, article('mentions-it-later', 2025, [2023]))).toBe(0);
  });

  it('reads a month named with the year, and ranks a story published in it, or the month after, as of that time', () => {
    expect(timeScope('what did the fbi warn about in its april 2022 alert?')).toEqual({ kind: 'year', years: [2022], month: 4 });
    expect(timeScope('who spoke at the nov. 2017 meeting?')).toEqual({ kind: 'year', years: [2017], month: 11 });
    expect(timeScope('how many were arrested in 2017?')).toEqual({ kind: 'year', years: [2017] });
    const april = timeScope('what did the fbi warn about in its april 2022 alert?');
    // Published in April 2022, though it mostly states 2021's figures.
    expect(timeClass(april, { ...article('warning', 2022, [2021, 2021]), published: '2022-04-28' })).toBe(2);
    expect(timeClass(april, { ...article('event-report', 2022, [2021, 2021]), published: '2022-05-02' })).toBe(2);
    expect(timeClass(april, { ...article('later', 2022, [2021, 2021]), published: '2022-09-01' })).toBe(1);
    // The month is the finer time: a story of another month reporting on the year is of the year only, below the
    // month's own story ("the july 2018 searches" are not those an October story reports).
    expect(timeClass(april, { ...article('reports-on-the-year', 2022, [2022, 2022]), published: '2022-10-02' })).toBe(1);
    expect(timeClass(april, { ...article('annual-report', 2023, [2022, 2022]), published: '2023-03-01' })).toBe(1);
    expect(timeClass(april, { ...article('other-year', 2020, [2020]), published: '2020-04-10' })).toBe(0);
    // A later story that names the month reports that month's event ("in April, police…").
    expect(timeClass(april, { ...article('names-april', 2022, [2022, 2022]), published: '2022-10-02', statesMonth: true })).toBe(2);
  });

  it('reads a month in a text only as a month: capitalised, in full or shortened with a full stop', () => {
    expect(monthWriter(7)('Police said in July that…')).toBe(true);
    expect(monthWriter(2)('on Feb. 3 the court…')).toBe(true);
    expect(monthWriter(9)('between 27 Sept. and 1 October')).toBe(true);
    expect(monthWriter(5)('officers may search homes')).toBe(false);
    expect(monthWriter(7)('Julyan Smith said')).toBe(false);
  });

  it('reads the year a figure is compared with as its base, not the year asked', () => {
    expect(timeScope('by what percent did reports go up in 2024 compared with 2023?')).toEqual({ kind: 'year', years: [2024] });
    expect(timeScope('how much did reports jump in 2024 vs 2023?')).toEqual({ kind: 'year', years: [2024] });
    // Alone, it is the year asked.
    expect(timeScope('how much higher than 2022 were reports?')).toEqual({ kind: 'year', years: [2022] });
  });

  it('reads a year the question gives its source ("according to the fbi\'s 2022 warning") as when that source was published', () => {
    const dated = timeScope("where are the scammers based, according to the fbi's 2022 warning?");
    expect(dated).toEqual({ kind: 'year', years: [2022], ofSource: true });
    expect(timeScope('per the fbi in 2022, who are the scammers?')).toEqual({ kind: 'year', years: [2022], ofSource: true });
    // So does a notice dated by its year, without "according to".
    expect(timeScope("the fbi's 2022 warning - which agent is quoted?")).toEqual({ kind: 'year', years: [2022], ofSource: true });
    expect(timeScope("what did the 2022 report say?")).toEqual({ kind: 'year', years: [2022] });
    // A warning of 2022 that mostly states 2021's figures is of that year, as a story reporting on 2022 is.
    expect(timeClass(dated, article('warning', 2022, [2021, 2021]))).toBe(2);
    expect(timeClass(dated, article('report-on-2022', 2023, [2022]))).toBe(2);
    // Without a source the year is the figures' own: the 2022 story on 2021 ranks below one reporting on 2022.
    const figures = timeScope('how many complaints were there in 2022?');
    expect(figures).toEqual({ kind: 'year', years: [2022] });
    expect(timeClass(figures, article('warning', 2022, [2021, 2021]))).toBe(1);
  });
});

describe('split years', () => {
  const scope = timeScope('how many reports did the centre get in 2020-21?');
  const withPeriod = (a: TimedArticle, statesPeriod: boolean) => ({ ...a, statesPeriod });

  it('finds the period written as itself, or as the year before the next one a report states', () => {
    const states = splitYearWriter({ from: 2020, to: 2021 });
    expect(states('In 2020-21 it recorded 22,600 reports.')).toBe(true);
    expect(states('the 2020/21 financial year')).toBe(true);
    expect(states('In the 2021-22 financial year it recorded 36,600 reports, up from the previous year’s 22,600.')).toBe(true);
    expect(states('In the 2021-22 financial year it recorded 36,600 reports.')).toBe(false);
    expect(states('In 2020 it recorded 22,600 reports.')).toBe(false);
  });

  it('is reported on once it is over, by a story of its end year or later that states it', () => {
    expect(timeClass(scope, withPeriod(article('report', 2022, [2021, 2022]), true))).toBe(2);
    expect(timeClass(scope, withPeriod(article('of-its-end-year', 2021, [2021]), false))).toBe(0);
    expect(timeClass(scope, withPeriod(article('of-its-first-year', 2020, [2020, 2021]), true))).toBe(0);
    expect(timeClass(scope, withPeriod(article('later-not-stating-it', 2022, [2021, 2022]), false))).toBe(0);
  });
});

describe('timeGate', () => {
  const a2011 = article('2011', 2011);
  const a2014 = article('2014', 2014);
  const a2022 = article('2022', 2022);
  const gate = { year: 0.2, recency: 0.2 };
  /** "The latest meeting": every story writing the event's word is evidence. */
  const meeting: TimeEvidence = { kind: 'event', of: () => 1 };

  it('picks the stories of a named year that are likely to answer', () => {
    const relevance = new Map([[a2014, 0.9], [a2011, 0.4], [a2022, 0.8]]);
    expect(timeGate({ kind: 'year', years: [2011] }, relevance, gate)).toEqual(new Set(['2011']));
  });

  it('picks nothing when the named year’s story is unlikely to answer: time never makes another topic the answer', () => {
    const relevance = new Map([[a2014, 0.9], [a2011, 0.05]]);
    expect(timeGate({ kind: 'year', years: [2011] }, relevance, gate)).toEqual(new Set());
  });

  it('picks the newest likely story for "latest", the oldest for "first", the newest up to the year for "by"', () => {
    const relevance = new Map([[a2011, 0.5], [a2014, 0.9], [a2022, 0.1]]);
    expect(timeGate({ kind: 'latest' }, relevance, gate, meeting)).toEqual(new Set(['2014']));
    expect(timeGate({ kind: 'earliest' }, relevance, gate, meeting)).toEqual(new Set(['2011']));
    expect(timeGate({ kind: 'by', year: 2013 }, relevance, gate, meeting)).toEqual(new Set(['2011']));
    expect(timeGate({ kind: 'none' }, relevance, gate, meeting)).toEqual(new Set());
  });

  it('for "the latest figure", lets time pick only among stories about as likely to answer as the likeliest', () => {
    // The newer story touches the topic but is far less likely to state the figure than the 2014 one.
    const relevance = new Map([[a2011, 0.5], [a2014, 0.9], [a2022, 0.6]]);
    const figure: TimeEvidence = { kind: 'answer', of: () => 1 };
    expect(timeGate({ kind: 'latest' }, relevance, gate, figure)).toEqual(new Set(['2014']));
    expect(timeGate({ kind: 'latest' }, relevance, gate)).toEqual(new Set(['2014']));
    // About as likely: the newer one is the latest figure.
    expect(timeGate({ kind: 'latest' }, new Map([[a2014, 0.9], [a2022, 0.85]]), gate, figure)).toEqual(new Set(['2022']));
    // "The latest meeting": every story of a meeting answers; the newest likely one is picked.
    expect(timeGate({ kind: 'latest' }, relevance, gate, meeting)).toEqual(new Set(['2022']));
  });

  it('for "latest" with evidence, picks the newest story that states the answer nearly as well as the best', () => {
    const relevance = new Map([[a2011, 0.5], [a2014, 0.9], [a2022, 0.85]]);
    const evidence = (a: TimedArticle) => ({ '2011': 0.9, '2014': 1, '2022': 0.3 })[a.id]!;
    expect(timeGate({ kind: 'latest' }, relevance, gate)).toEqual(new Set(['2022']));
    expect(timeGate({ kind: 'latest' }, relevance, gate, { kind: 'answer', of: evidence })).toEqual(new Set(['2014']));
    // A named year is not a figure's "latest": evidence is not asked there.
    expect(timeGate({ kind: 'year', years: [2022] }, relevance, gate, { kind: 'answer', of: evidence })).toEqual(new Set(['2022']));
  });

  it('picks only among stories close enough to the likeliest: a story of the year far less likely does not pass', () => {
    const relevance = new Map([[a2011, 0.12], [a2014, 0.9], [a2022, 0.3]]);
    expect(timeGate({ kind: 'year', years: [2011] }, relevance, { year: 0.05, recency: 0.05 })).toEqual(new Set());
    expect(timeGate({ kind: 'latest' }, relevance, { year: 0.05, recency: 0.05 }, meeting)).toEqual(new Set(['2022']));
  });
});

describe('eventWriter', () => {
  it('finds the event a question asks about in a story, its plural too', () => {
    const meeting = eventWriter('when was the latest meeting?')!;
    expect(meeting('The meetings in Lyon ended on Friday.')).toBe(true);
    expect(meeting('The summit in London ended on Friday.')).toBe(false);
  });

  it('reads "attended" as asking about some event, and a press briefing as none', () => {
    const attended = eventWriter('how many countries attended in 2011?')!;
    expect(attended('Experts from 52 countries met at the three-day conference.')).toBe(true);
    expect(attended('Police from 22 countries took part, Europol told a press conference.')).toBe(false);
  });

  it('asks no event of other questions', () => {
    expect(eventWriter('how many arrests did operation icarus make?')).toBeNull();
  });
});
