/**
 * The years a text states. Worked out for every article when the index is built (the time rules of the search
 * compare them with the year a question names) and for questions and passages at search time.
 */

/** A year, or a span of two ("2017-18", "2021/22", "2013–2015"), as news writes financial and report years. */
const YEAR_SPAN = /\b(19[5-9]\d|20\d\d|21\d\d)(?:\s?[-–/]\s?(\d{4}|\d{2}))?(?![\d])/g;

/** The years a text states; a span gives both its ends ("2017-18" → 2017 and 2018). */
export function yearsStated(text: string): number[] {
  return [...yearMentions(text).keys()];
}

/** The end of a span as written after its first year: four digits, or the last two ("2017-18" → 2018). */
export function spanEnd(first: number, written: string): number {
  return written.length === 2 ? Math.floor(first / 100) * 100 + Number(written) : Number(written);
}

/** How many times a text states each year (each end of a span counts once). */
export function yearMentions(text: string): Map<number, number> {
  const out = new Map<number, number>();
  const add = (year: number) => out.set(year, (out.get(year) ?? 0) + 1);
  for (const m of text.matchAll(YEAR_SPAN)) {
    const first = Number(m[1]);
    add(first);
    if (m[2]) {
      const second = spanEnd(first, m[2]);
      if (second > first && second - first <= 10) add(second);
    }
  }
  return out;
}

/** Words of a report and its figures, shared by `REPORTED` and `FIGURES`. */
const REPORT_WORDS = 'reports?|reported|annual|figures|statistics';

/** Words of a report or its figures ("the annual report", "crime statistics", "reported cases"). */
export const REPORTED = new RegExp(`\\b(?:${REPORT_WORDS}|data)\\b`, 'i');

/** Words that give a report's figures: `REPORTED`'s and "recorded", not "data", which is as often shared or seized as reported. */
const FIGURES = new RegExp(`\\b(?:${REPORT_WORDS}|recorded)\\b`, 'i');

/** A text's sentences, cut at a full stop, question or exclamation mark before white space: enough to tell which words stand together. */
export const roughSentences = (text: string): string[] => text.split(/(?<=[.!?])\s+/);

/**
 * "Last year" where a story gives a report's figures ("there were 12,262 recorded cases … last year, according to a
 * report on crime statistics", in a story of 2020) is the year before the story's own: a year the story reports on,
 * as much as one written out. Elsewhere it dates an event ("signed an agreement in August last year") and is left
 * out, as is "the last year", the past twelve months ("over the last year").
 */
const LAST_YEAR = /(?<!\bthe\s)\blast\s+year\b/gi;
/**
 * A sentence that sets this year's figure against last year's ("637 people were reported arrested this year, compared
 * to last year's 101") reports on the story's own year. Alone, "this year" says little: a story of 2025 on a report of
 * 2024 writes "this year" for the report's year as often as for its own.
 */
const THIS_YEAR = /\bthis\s+year\b/i;

/**
 * How many times a story of `year` states each year: written out (`yearMentions`), or as "last year" beside a report's
 * figures — or its own year, once, where such a sentence sets this year against last year.
 */
export function storyYearMentions(text: string, year: number): Map<number, number> {
  const out = yearMentions(text);
  const add = (y: number, n: number) => n && out.set(y, (out.get(y) ?? 0) + n);
  for (const sentence of roughSentences(text).filter((x) => FIGURES.test(x))) {
    const last = [...sentence.matchAll(LAST_YEAR)].length;
    if (last && THIS_YEAR.test(sentence)) add(year, 1);
    else add(year - 1, last);
  }
  return out;
}
