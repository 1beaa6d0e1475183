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
