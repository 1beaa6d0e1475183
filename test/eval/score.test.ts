import { describe, expect, it } from 'vitest';
import { isRightFirst, score, type Ranked } from '../../src/eval/score.js';
import type { EvalQuestion } from '../../src/eval/questions.js';

const question: EvalQuestion = {
  id: 'T01',
  question: 'how many countries attended in 2011?',
  answer: '52 countries',
  article: 'a-2011',
  alsoIn: [],
  year: null,
  kind: 'count',
  answerable: true,
  split: 'tuning',
};
const right = { text: 'Experts from 52 countries attended.', articles: ['a-2011'], years: [2011] };

describe('score', () => {
  it('counts an answer whose first passage holds the answer as right first', () => {
    const answered: Ranked = { refused: false, results: [right] };
    expect(score([question], [answered])).toMatchObject({ top1: 1, top3: 1, wronglyRefused: 0 });
    expect(isRightFirst(question, answered)).toBe(true);
  });

  it('never counts a refused answer as right, even when the search had ranked the answer first', () => {
    const refused: Ranked = { refused: true, results: [right] };
    expect(score([question], [refused])).toMatchObject({ top1: 0, top3: 0, wronglyRefused: 1 });
    expect(isRightFirst(question, refused)).toBe(false);
  });
});
