/**
 * Where a question says its answer comes from ("according to the iwf's 2007 report", "per the fbi in 2022"): the
 * story it names by its source weighs its names (`search/index.ts`) and, when the source carries a year, its time
 * (`time.ts`).
 */

/** The words a question gives as its source ("… according to the iwf's 2007 report?" → "the iwf's 2007 report"), or ''. */
export function sourceOf(question: string): string {
  // It ends at a clause's punctuation, or at the question it opens ("according to ice how many girls…").
  return /\b(?:according\s+to|per|going\s+by|as\s+reported\s+by|reported\s+by)\s+(.+?)(?=\s+(?:how|what|what's|who|whom|when|where|which|why)\b|[,;?!]|$)/i.exec(question)?.[1]?.toLowerCase() ?? '';
}
