/**
 * "Off topic" is a judgement on closeness, and a question that names a rare thing the corpus writes is not off topic
 * however it is worded: the refusal says so only when nothing names what it asks about.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/index.js';
import { openFixtureCorpus, type FixtureArticle } from '../fixture-corpus.js';

const TOWNS = ['Aldport', 'Brenmoor', 'Caskell', 'Dunhaven', 'Elmsby', 'Farrow', 'Glenrith', 'Harwick', 'Ivesham', 'Jarrow', 'Kelbury', 'Lintmouth', 'Marlow', 'Norbeck', 'Oakridge', 'Pelham', 'Quarry Vale', 'Redcliff', 'Stanmere', 'Tolworth'];

/** Stories of other operations, one short passage each: enough passages for a name in one of them to be rare. */
const OTHERS = TOWNS.map((town, i): FixtureArticle => [
  `police-${i}`,
  `${town} police arrest ${10 + i} in abuse inquiry`,
  `20${String(10 + (i % 10)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
  `Officers in ${town} arrested ${10 + i} people and seized ${40 + i} devices in an inquiry into online child abuse, the force said.`,
]);

/** A rare name in a long passage about other things: a question about the name is far from every passage. */
const HAMMER =
  'Detectives said on Friday that follow-up arrests were still being made from the emails and computers seized last winter, and that prosecutors in several countries had begun trials. ' +
  'Investigators described months of work on hard drives, chat logs and payment records, and said more suspects would be charged soon. ' +
  'Banks helped trace the payments, and internet companies kept the records that let officers find the men behind the nicknames. ' +
  'Courts have already jailed several of them for long terms, and judges praised the victims who gave evidence. Lawyers for the defendants said they would appeal. ' +
  'The lead came from Australia, whose officers passed it to colleagues abroad, who named their parts Joint Hammer and Koala after the animals on a poster in the first office to take it up, a detective recalled with a smile on Friday.';

let tmp: string;
let answerer: Answerer;

beforeAll(async () => {
  ({ dir: tmp, answerer } = await openFixtureCorpus('qa-off-topic-', [...OTHERS, ['joint-hammer', 'Paedophile ring: more arrests follow', '2008-12-13', HAMMER]]));
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('off topic', () => {
  it('answers a question far from every passage when the closest story writes the rare name it asks about', async () => {
    for (const question of ['what was the other half of joint hammer called?', 'what did they call the bit of joint hammer abroad?']) {
      const answer = await answerer.ask(question);
      expect(answer.refused, `refused "${question}"`).toBe(false);
      expect(answer.results[0]!.sources[0]!.title).toBe('Paedophile ring: more arrests follow');
    }
  });

  it('still refuses a question that names nothing the articles write as off topic', async () => {
    const answer = await answerer.ask("what's the boiling point of ethanol?");
    expect(answer.refusal?.reason).toBe('off-topic');
  });
});
