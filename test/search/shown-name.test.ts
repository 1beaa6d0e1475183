/**
 * The sentence shown for a question asking what a thing was called: the one that gives the name, not the lead that
 * tells the story in more of the question's words. Fixture articles made in the test, the real model and reader.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/index.js';
import { openFixtureCorpus } from '../fixture-corpus.js';

let tmp: string;
let answerer: Answerer;

beforeAll(async () => {
  ({ dir: tmp, answerer } = await openFixtureCorpus('qa-shown-name-', [
    [
      'six-country-operation',
      'Police in six countries arrest 39 in abuse material operation',
      '2023-11-21',
      'Police in six countries arrested 39 suspected child abusers and rescued two children, the agency said on Monday. ' +
        'The operation, codenamed Mistral, targeted people who shared abuse material in forums and messaging apps.\n\nSix suspects were charged.',
    ],
    [
      'uk-sweep',
      'Agency arrests 70 in online abuse sweep',
      '2018-10-03',
      'The UK agency arrested 70 suspects in a week-long sweep against online child abuse.\n\nOfficers safeguarded 95 children.',
    ],
  ]));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('shows in bold the sentence that gives the operation’s name', async () => {
  const answer = await answerer.ask('what was the six country operation against child abusers called?');
  expect(answer.refused).toBe(false);
  expect(answer.results[0]!.sources[0]!.title).toBe('Police in six countries arrest 39 in abuse material operation');
  expect(answer.results[0]!.highlight).toContain('codenamed Mistral');
});
