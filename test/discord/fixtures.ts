/** Hand-built core answers for the rendering unit tests (the integration tests use the real core). */
import type { Answer, AnswerResult, Source } from '../../src/types.js';

export const BERNEWS: Source = {
  title: 'Over 140 Experts Attend Interpol Meeting',
  publisher: 'Bernews',
  published: '2014-10-05',
  url: 'https://bernews.com/2014/10/over-140-experts-attend-interpol-meeting/',
};

export const RADIO_HABANA: Source = {
  title: 'Bermuda Hosts Interpol Conference on Child Sexual Abuse',
  publisher: 'Radio Habana Cuba',
  published: '2014-10-07',
  url: 'https://www.radiohc.cu/en/noticias/internacionales/35725-bermuda-hosts-interpol-conference-on-child-sexual-abuse',
};

export const INTERPOL_2015: Source = {
  title: 'Rescuing online child sexual abuse victims spotlighted at INTERPOL meeting',
  publisher: 'INTERPOL',
  published: '2015-11-18',
  url: null,
};

export function result(text: string, highlight: string, sources: Source[] = [BERNEWS], rank = 1): AnswerResult {
  const highlightStart = text.indexOf(highlight);
  if (highlightStart < 0) throw new Error('fixture: highlight not in text');
  return {
    rank,
    score: 1 / rank,
    text,
    highlight,
    highlightStart,
    highlightEnd: highlightStart + highlight.length,
    sources,
    passageIds: sources.map((s, i) => `${s.publisher}#${i}`),
  };
}

export function answer(question: string, results: AnswerResult[]): Answer {
  return { question, understood: question, refused: results.length === 0, results };
}

export const STRIKEBACK =
  'Interpol recently coordinated Operation Strikeback, the first large-scale police operation targeting criminal networks involved in sextortion. ' +
  'It resulted in the arrest of 58 individuals. The seizure of electronic evidence such as mobile phones followed.';

/** A long passage of numbered sentences, for truncation tests. */
export function longText(sentences: number, word = 'evidence'): string {
  return Array.from({ length: sentences }, (_, i) => `Sentence ${i + 1} talks about ${word} and more ${word}.`).join(' ');
}
