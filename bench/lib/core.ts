/** The core as every front end sees it: `openAnswerer(loadConfig({}))`. */
import { loadConfig } from '../../src/config.js';
import { articleOfPassage } from '../../src/passages/index.js';
import type { Answer } from '../../src/types.js';
import type { Hit } from './corpus.js';

export async function openCore() {
  const { openAnswerer } = await import('../../src/answer/index.js');
  return openAnswerer(loadConfig({}));
}

/** The core's answer as hits for the shared scoring rule (each cited article's id and `published` year). */
export function answerHits(a: Answer): Hit[] {
  return a.results.map((r) => ({
    text: r.text,
    articles: r.passageIds.map(articleOfPassage),
    years: r.sources.map((s) => Number(s.published.slice(0, 4))),
  }));
}
