/**
 * Sentence boundaries for news prose. A paragraph break always ends a sentence; inside a paragraph a sentence ends
 * at `.`, `!` or `?` (plus any closing quotes or brackets) followed by white space and a capital, a digit or an
 * opening quote — except after a known abbreviation or a single initial ("Mr.", "U.S.", "J.").
 */

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'rep', 'sen', 'insp', 'supt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'approx', 'dept', 'est',
  // Ranks and titles written before a name in police and court news ("Cpl. Jared Clarke", "Sr. Comr. Petrus Golose").
  'cpl', 'det', 'const', 'maj', 'brig', 'adm', 'cmdr', 'cdr', 'comr', 'commr', 'atty', 'hon', 'rev', 'pres',
]);

const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex));
  if (!before) return false;
  const word = before[1]!.toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/** Splits `text` into sentence spans (offsets into `text`), trimmed of surrounding white space. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  };
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g;
  for (const p of text.matchAll(paragraph)) {
    const pStart = p.index!;
    const pText = p[0];
    let sentenceStart = 0;
    for (const m of pText.matchAll(BOUNDARY)) {
      const dot = m.index!;
      if (m[0].startsWith('.') && m[0].length === 1 && endsWithAbbreviation(pText, dot)) continue;
      const end = dot + m[0].length;
      push(pStart + sentenceStart, pStart + end);
      sentenceStart = end;
    }
    push(pStart + sentenceStart, pStart + pText.length);
  }
  return spans;
}
