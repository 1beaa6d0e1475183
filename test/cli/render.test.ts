import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/cli/render.js';

const corpus = [
  { title: 'Old story', publisher: 'A', published: '2011-09-07', url: null },
  { title: 'Newest story', publisher: 'B', published: '2023-08-07', url: null },
];

describe('renderAnswer (terminal)', () => {
  it('says what the corpus covers when it refuses, from the corpus itself', () => {
    const text = renderAnswer({ question: 'q?', understood: 'q?', refused: true, results: [] }, { colour: false, corpus });
    expect(text).toBe('The articles do not cover that question. They are 2 news articles (2011–2023), the newest “Newest story” (B); `npm run sources` lists them.\n');
  });

  it('says why it refused before what the corpus covers', () => {
    const source = { title: 'Old story', publisher: 'A', published: '2011-09-07', url: null };
    const text = renderAnswer({ question: 'q?', understood: 'q?', refused: true, refusal: { reason: 'role', source }, results: [] }, { colour: false, corpus });
    expect(text.startsWith('The articles do not cover that question. The closest article, “Old story” (A, 2011-09-07), names nobody in the role asked about. They are 2 news articles')).toBe(true);
  });

  it('tells a question with nothing to look for what to add, not that the articles lack it', () => {
    const text = renderAnswer({ question: 'who?', understood: 'who?', refused: true, refusal: { reason: 'nothing-asked' }, results: [] }, { colour: false, corpus });
    expect(text.startsWith('The question names nothing to look for: say what it is about')).toBe(true);
    expect(text).not.toContain('do not cover');
  });

  it('starts with "Understood as" when the question was read as a follow-up, and only then', () => {
    const follow = renderAnswer({ question: 'and in 2014?', understood: 'how many countries attended in 2014?', refused: true, results: [] }, { colour: false, corpus });
    expect(follow.startsWith('Understood as: how many countries attended in 2014?\n\n')).toBe(true);
    const alone = renderAnswer({ question: 'q?', understood: 'q?', refused: true, results: [] }, { colour: false, corpus });
    expect(alone).not.toContain('Understood as');
  });
});
