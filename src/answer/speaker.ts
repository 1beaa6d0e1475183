/**
 * "Who said that?": the person a quoted sentence of an answer is attributed to. News attributes a quotation in the
 * sentence itself ("…,” said officer Anders Persson) or in one close by (“…” / "…, he concluded." / a lead-in
 * before it), so the answer is the nearest sentence of the same article that names a speaker: the quoted sentence,
 * then the two after it, then the one before.
 */
import type { VectorIndex } from '../index/index.js';
import { namesSpeaker } from '../search/index.js';
import type { AnswerResult } from '../types.js';

/** Sentences tried after the answering one, in order of distance: after it (a quotation runs on), then before. */
const LOOK = [0, 1, 2, -1];

/** The result that shows who said `result`'s answering sentence, or null when no sentence near it names a speaker. */
export function speakerOf(index: VectorIndex, result: AnswerResult): AnswerResult | null {
  const label = index.passageLabel(result.passageIds[0] ?? '');
  if (label === undefined) return null;
  const passage = index.passage(label);
  // The answering sentence, as offsets into the article: the highlight's place in the shown text, which is a slice of the passage.
  const shownAt = passage.text.indexOf(result.text);
  if (shownAt < 0) return null;
  const at = passage.start + shownAt + result.highlightStart;
  const ofArticle = index.sentencesOfArticle(passage.articleId).map((l) => ({ s: index.sentence(l), l }));
  const i = ofArticle.findIndex(({ s }) => s.start <= at && at < s.end);
  if (i < 0) return null;
  for (const step of LOOK) {
    const found = ofArticle[i + step];
    if (!found || !namesSpeaker(found.s.text)) continue;
    const shown = index.passage(index.passagesOfSentence(found.l)[0]!);
    const start = found.s.start - shown.start;
    return {
      rank: 1,
      score: result.score,
      text: shown.text,
      highlight: found.s.text,
      highlightStart: start,
      highlightEnd: start + found.s.text.length,
      sources: result.sources.slice(0, 1),
      passageIds: [shown.id],
    };
  }
  return null;
}
