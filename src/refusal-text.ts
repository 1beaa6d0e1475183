/**
 * The sentence a refusal shows its reader (`Answer.refusal`): which year, name, role or kind of answer the articles
 * lack, so they know whether to ask differently or to look elsewhere. Shared by the front ends (terminal, bot,
 * `--json`), none of which loads the question-answering core for it.
 */
import type { Refusal, Source, StrictKind } from './types.js';

const KIND_WORDS: Record<StrictKind, string> = {
  money: 'a sum of money',
  date: 'a date',
  duration: 'a length of time',
  percentage: 'a percentage or share',
  prison: 'a prison term',
  age: 'an age',
};

/** Years as a reader says them: "2019", "2019 or 2020", "2018, 2019 or 2020". */
function yearList(years: number[]): string {
  const ys = years.map(String);
  return ys.length <= 1 ? (ys[0] ?? '') : `${ys.slice(0, -1).join(', ')} or ${ys[ys.length - 1]}`;
}

export interface ExplainOptions {
  /** How a date (YYYY-MM-DD) is written; as stored by default. */
  date?: (published: string) => string;
  /** Applied to words taken from an article or the question (a title, a name): escaping for the front end. */
  quote?: (text: string) => string;
}

/**
 * What a refusal opens with: `notCovered` (the front end's "the articles do not cover that") and why; a question with
 * nothing to look for is only told what to add, not that the articles lack it.
 */
export function refusalLead(refusal: Refusal | undefined, notCovered: string, options: ExplainOptions = {}): string {
  if (!refusal) return notCovered;
  const why = explainRefusal(refusal, options);
  return refusal.reason === 'nothing-asked' ? why : `${notCovered} ${why}`;
}

/** One plain sentence saying why the articles were found not to answer: what a refusal tells the reader. */
export function explainRefusal(refusal: Refusal, { date = (d) => d, quote = (t) => t }: ExplainOptions = {}): string {
  const story = (s: Source) => `“${quote(s.title)}” (${quote(s.publisher)}, ${date(s.published)})`;
  switch (refusal.reason) {
    case 'nothing-asked':
      return 'The question names nothing to look for: say what it is about (a meeting, an operation, a year).';
    case 'off-topic':
      return 'Nothing in the articles comes close to that question.';
    case 'years':
      return `No article is from, reports on or mentions ${yearList(refusal.years)}.`;
    case 'name':
      return `No article mentions “${quote(refusal.name)}”.`;
    case 'role':
      return `The closest article, ${story(refusal.source)}, names nobody in the role asked about.`;
    case 'unnamed':
      return `The closest article, ${story(refusal.source)}, does not name the ${quote(refusal.person)} asked about.`;
    case 'count':
      return `The closest article, ${story(refusal.source)}, gives no count of what is asked.`;
    case 'part':
      return `The closest passage, from ${story(refusal.source)}, does not say how many ${quote(refusal.part)}.`;
    case 'year':
      return `The closest article, ${story(refusal.source)}, neither reports on ${refusal.period ?? yearList(refusal.years)} nor states it where it answers.`;
    case 'kind':
      return refusal.source
        ? `The closest article, ${story(refusal.source)}, states no ${KIND_WORDS[refusal.kind].replace(/^an? /, '')}.`
        : `None of the closest passages states ${KIND_WORDS[refusal.kind]}.`;
    case 'check':
      return `The closest article, ${story(refusal.source)}, does not hold what the question asks about.`;
    case 'speaker':
      return `The article, ${story(refusal.source)}, does not say who said it.`;
  }
}
