/**
 * Example questions offered by `/ask` autocomplete and `/help`. Matching is plain word containment on
 * what the user has typed so far; answering is always left to the core.
 */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'How many experts attended the Interpol meeting in Bermuda?',
  'What is sextortion?',
  'How many people were arrested in Operation Strikeback?',
  'How many countries came to the 2011 meeting in Lyon?',
  'Who led the development of the ICSE image database?',
  'How many victims have been identified through the ICSE database?',
  'What are Interpol Green Notices used for?',
  'What is the Baseline project?',
  'When was the 2015 Specialists Group meeting held?',
  'How many participants came to the 2022 meeting?',
  'Who said law enforcement must act locally but think globally?',
  'Which regions needed new working parties in 2011?',
];

/** Examples containing every word typed so far (case-insensitive), in list order; all of them when nothing is typed. */
export function matchExamples(typed: string, examples: readonly string[] = EXAMPLE_QUESTIONS): string[] {
  const words = typed
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return [...examples];
  return examples.filter((example) => {
    const haystack = example.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
