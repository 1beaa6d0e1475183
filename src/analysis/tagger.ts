/**
 * Word classes from `compromise`'s part-of-speech tagger (its "two" level: tags without the phrase API), for the rules
 * that read English grammar: follow-ups (`answer/follow-up.ts`) and names (`search/names.ts`). Loaded at the first
 * text that needs it: loading takes about 0.2 s, which a question that needs none should not pay.
 */
import { createRequire } from 'node:module';

export interface TaggedWord {
  text: string;
  tags: Set<string>;
  start: number;
  end: number;
}

type Tagger = (text: string) => { json(options: object): unknown };
let tagger: Tagger | null = null;

/** The words of a text as the tagger reads them, with their tags ("Noun", "Verb", "Place"…) and offsets. */
export function tagged(text: string): TaggedWord[] {
  tagger ??= createRequire(import.meta.url)('compromise/two') as Tagger;
  const json = tagger(text).json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: { start: number; length: number } }[] }[];
  return json.flatMap((s) => s.terms.map((t) => ({ text: t.text, tags: new Set(t.tags), start: t.offset.start, end: t.offset.start + t.offset.length })));
}
