/**
 * Plain data passed between the stages: corpus → passages → embeddings → index → search → answer.
 * Every stage takes and returns these shapes; nothing here does I/O.
 */

/** One article of the corpus, parsed from `corpus/<slug>.md`. */
export interface Article {
  /** File name without `.md`; stable, used in passage ids. */
  id: string;
  title: string;
  publisher: string;
  /** ISO date `YYYY-MM-DD` from the front matter. */
  published: string;
  url: string | null;
  /** The article text after the front matter, exactly as stored (offsets point into this). */
  body: string;
  /** The year the article reports on: the front-matter year unless the text says otherwise. */
  year: number;
}

/** A span of an article's body that is embedded and searched as one unit. */
export interface Passage {
  /** `<articleId>#<start>-<end>`: stable as long as the article text is unchanged. */
  id: string;
  articleId: string;
  /** Character offsets into `Article.body`: `body.slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
  /** Token count under the embedding model's own tokenizer (special tokens included). */
  tokens: number;
}

/** Where a cited passage comes from, as shown to a reader. */
export interface Source {
  title: string;
  publisher: string;
  /** `YYYY-MM-DD` */
  published: string;
  url: string | null;
}

/** One ranked, cited passage of an answer. */
export interface AnswerResult {
  /** 1-based. */
  rank: number;
  /** Final ranking score (higher is better); comparable only within one answer. */
  score: number;
  /** The passage text, verbatim from the article. */
  text: string;
  /** The sentence of `text` that best answers the question, verbatim. */
  highlight: string;
  /** Offsets of `highlight` inside `text`. */
  highlightStart: number;
  highlightEnd: number;
  /** One source, or two or more when several articles say the same thing. */
  sources: Source[];
  /** Ids of the passages behind this result (one per source). */
  passageIds: string[];
}

/** The kinds of answer a passage either states or not (see `STRICT_ANSWER_TYPES`). */
export type StrictKind = 'money' | 'date' | 'duration' | 'percentage' | 'prison' | 'age';

/**
 * Why the articles were found not to answer a question: what the reader is told (`explainRefusal`). `source` is the
 * closest story, the one a rule checked.
 */
export type Refusal =
  /** The question holds nothing to look for, only question words ("who?", "how many?"). */
  | { reason: 'nothing-asked' }
  /** Nothing in the articles comes near the question. */
  | { reason: 'off-topic' }
  /** Every year it names is one no article is of, reports on or mentions. */
  | { reason: 'years'; years: number[] }
  /** It names something ("operation tidewater") no article mentions; the name as asked. */
  | { reason: 'name'; name: string }
  /** It asks who holds a role, and the closest story names nobody in it. */
  | { reason: 'role'; source: Source }
  /** It asks the name of a person it describes ("the 30-year-old wyong man"), and the closest story never names one. */
  | { reason: 'unnamed'; person: string; source: Source }
  /** It asks the latest count of a thing, and the closest story never counts it. */
  | { reason: 'count'; source: Source }
  | { reason: 'part'; part: string; source: Source }
  /** It names a year, and the closest story neither reports on it nor states it where it answers. */
  | { reason: 'year'; years: number[]; /** A split year asked ("2018-19"), as one period. */ period?: string; source: Source }
  /**
   * It asks for a date, a sum, a duration, a share, a prison term or an age, and no close passage states one; for a
   * prison term, also when no passage of the closest story (`source`) does, though another story's may.
   */
  | { reason: 'kind'; kind: StrictKind; source?: Source }
  /** The closest passages do not hold what the question is about (the fitted answer check). */
  | { reason: 'check'; source: Source }
  /** It asks who said the previous answer, and its article does not say. */
  | { reason: 'speaker'; source: Source };

/** What the core returns for one question. Front ends only render this. */
export interface Answer {
  /** The question as typed. */
  question: string;
  /**
   * The question as it was answered: the same as `question`, unless it was read as a follow-up of an earlier one
   * ("and in 2014?" → "how many countries attended in 2014?").
   */
  understood: string;
  /** True when nothing in the articles answers the question; `results` is then empty. */
  refused: boolean;
  /** Why it was refused (set whenever `refused` is). */
  refusal?: Refusal;
  /** True when the results are one figure as each article gives it, newest first, rather than ranked by relevance. */
  newestFirst?: boolean;
  results: AnswerResult[];
}
