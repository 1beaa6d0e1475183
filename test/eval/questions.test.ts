import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { answerDependsOnCorpus, EVAL_ARTICLES_DIR, loadOffTopicQuestions, loadSeedQuestions, loadUnseenQuestions } from '../../src/eval/questions.js';

/** The evaluation's questions must grade what they say they grade: a wrong expected text or article misreports every run. */
describe('eval/unseen-questions.json', () => {
  const questions = loadUnseenQuestions();
  const articles = new Map([...loadCorpus(path.join(PROJECT_ROOT, 'corpus')), ...loadCorpus(EVAL_ARTICLES_DIR)].map((a) => [a.id, a]));
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

  it('has unique ids, and each answerable question names an article that exists', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions.filter((x) => x.answerable)) {
      for (const id of [q.article!, ...q.alsoIn]) expect(articles.has(id), `${q.id}: ${id}`).toBe(true);
    }
  });

  it('finds each expected answer in the text of every article it accepts', () => {
    for (const q of questions.filter((x) => x.answerable)) {
      for (const id of [q.article!, ...q.alsoIn]) expect(fold(articles.get(id)!.body), `${q.id} in ${id}`).toContain(fold(q.answer!));
    }
  });

  it('keeps each article in one half: all questions answered by it are tuning, or all held-out', () => {
    const half = new Map<string, string>();
    for (const q of questions.filter((x) => x.answerable)) {
      for (const id of [q.article!, ...q.alsoIn]) {
        expect(half.get(id) ?? q.split, `${q.id}: ${id}`).toBe(q.split);
        half.set(id, q.split);
      }
    }
  });
});

describe('eval/questions.json on the combined corpus', () => {
  const seed = loadSeedQuestions();
  const asked = (text: string) => seed.find((q) => q.question === text)!;

  it('leaves out the seed questions whose answer depends on which articles exist, and asks the rest', () => {
    // The newest of the five bundled articles is not the newest of the combined corpus.
    expect(answerDependsOnCorpus(asked('how many countries attend the meeting now?'))).toBe(true);
    // Unanswerable from the five, answered by the combined corpus's 2019 story.
    expect(answerDependsOnCorpus(asked('how many countries attended in 2019?'))).toBe(true);
    expect(answerDependsOnCorpus(asked('how many experts showed up in 2011?'))).toBe(false);
    expect(answerDependsOnCorpus(asked('who won the 2014 world cup?'))).toBe(false);
  });
});


describe('eval/off-topic.json', () => {
  it('holds twenty general-knowledge questions in each half, none repeated, none naming what the articles are about', () => {
    const { tuning, 'held-out': heldOut } = loadOffTopicQuestions();
    expect(tuning).toHaveLength(20);
    expect(heldOut).toHaveLength(20);
    const all = [...tuning, ...heldOut];
    expect(new Set(all.map((q) => q.toLowerCase())).size).toBe(all.length);
    for (const q of all) expect(q, q).not.toMatch(/child|abuse|interpol|police|europol|trafficking|exploitation/i);
  });
});
