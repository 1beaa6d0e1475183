/**
 * Stage 6: answers. The question-answering core that every front end (CLI, Discord bot, benchmarks) calls.
 * `openAnswerer` checks and loads the saved index and starts loading the model; `ask` turns a question into an
 * `Answer`: ranked passages, each with the sentence that answers, cited to its article — or a refusal when the
 * articles do not cover the question. Every word of a result is the articles' own.
 */
import type { CoreConfig } from '../config.js';
import { loadEmbedder, type Embedder } from '../embeddings/index.js';
import { cosine } from '../embeddings/similarity.js';
import { staleness } from '../index/build.js';
import { corpusStaleness } from '../index/freshness.js';
import { IndexError, openIndexAsync, type ArticleMeta, type VectorIndex } from '../index/index.js';
import { answerType, correctSpelling, createSearcher, FIGURE_TYPES, questionOfMessage, statesAnswer, STRICT_ANSWER_TYPES, withoutTimePhrases, type AnswerType, type Focus, type Hit, type SearchOptions, type SearchResult } from '../search/index.js';
import { TELLING_NAME_IDF } from '../search/features.js';
import { checkFeatures, TYPE_CHECK_DEPTH, unanswerableProbability, type RefusalWeights } from './answer-check.js';
import { REFUSAL_WEIGHTS } from './refusal-weights.js';
import type { Answer, AnswerResult, Refusal, Source, StrictKind } from '../types.js';
import { wordOverlap } from './highlight.js';
import { articleOfPassage } from '../passages/index.js';
import { namesPlace, parseReference, peopleNamed, QUESTION_WORD, resolveFollowUp, type Resolution } from './follow-up.js';
import { checkQuestion } from './question.js';
import { speakerOf } from './speaker.js';
import { loadReaderModel, readResult, type ReaderModel } from '../reader/index.js';
import { refusalThreshold } from './refusal.js';

export { checkQuestion, QuestionError, QUESTION_MAX_LENGTH } from './question.js';
export { parseReference, resolveFollowUp, type Resolution } from './follow-up.js';
export { refusalThreshold } from './refusal.js';
export { explainRefusal } from '../refusal-text.js';
export { CHECK_FEATURES, checkFeatures, checkVector, unanswerableProbability, type CheckFeatures, type RefusalWeights } from './answer-check.js';

export const ANSWER_DEFAULTS = {
  /** Results returned when the caller does not say. */
  top: 3,
  /** Most results one call may ask for. */
  maxTop: 20,
  /** Two passages of different articles about the same year are one result when their answering sentences share this share of words… */
  mergeWordOverlap: 0.6,
  /** …or when their vectors are this close. */
  mergeCosine: 0.93,
};

export interface AskOptions {
  /** How many results at most (default 3, at most 20). */
  top?: number;
  /** Override the refusal threshold (cosine similarity) for this call; the evaluation uses it to measure. */
  refusalThreshold?: number;
  /** Override search weights for this call (evaluation and tuning only). */
  search?: Partial<SearchOptions>;
  /** Override the answer check's weights for this call (evaluation and tuning only). */
  refusal?: RefusalWeights;
  /**
   * The question the previous answer in this conversation answered (its `understood`): the new one may be a
   * follow-up of it ("and in 2014?"). Without it, every question stands on its own.
   */
  after?: string;
}

export interface Answerer {
  /** Answers one question. Throws `QuestionError` for bad input; a question the articles do not cover is `refused`. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** Searches without building an answer: the evaluation compares signals with it. */
  search(question: string, options?: AskOptions): Promise<SearchResult>;
  /** The articles of the corpus, newest first. */
  sources(): Source[];
  /** Resolves once the embedding model and the reader are loaded (the first `ask` waits for them anyway). */
  ready(): Promise<void>;
  /** True once the models are loaded, so a front end knows whether the next answer may be slow. */
  isReady(): boolean;
}

export function toSource(a: ArticleMeta): Source {
  return { title: a.title, publisher: a.publisher, published: a.published, url: a.url };
}

interface Draft {
  hit: Hit;
  /** The part of the passage shown, as offsets into its article (a passage overlapping an earlier result is cut). */
  start: number;
  end: number;
  /** The answering sentence, as offsets into the shown text. */
  highlight: { text: string; start: number; end: number };
  words: Set<string>;
  sources: Source[];
  passageIds: string[];
  articleIds: Set<string>;
}

/**
 * Why the articles do not answer, or null when they may: nothing found, or the closest passage further than the
 * model's off-topic threshold while it does not write every word of the question; only years named that no article
 * covers; a name no article mentions; a role asked ("who chaired…?") that the best answer's story gives nobody; the
 * latest count of a thing the best story never counts; a named year the best answer's story neither reports on nor
 * states; a sum, date, duration, share, prison term or age asked and none of the best passages stating one; or the
 * answer check (`answer-check.ts`) finds the best answers lack what the question is about.
 */
export function refusalOf(read: SearchResult, threshold: number, refusal: RefusalWeights = REFUSAL_WEIGHTS): Refusal | null {
  // The search's own order, which the check was fitted on, not the reader's (`SearchResult.searchHits`).
  const result = read.searchHits ? { ...read, hits: read.searchHits } : read;
  const ruled = ruleRefusal(result, threshold);
  if (ruled) return ruled;
  if (unanswerableProbability(checkFeatures(result, threshold), refusal) < refusal.threshold) return null;
  return { reason: 'check', source: toSource(result.hits[0]!.article) };
}

export function refuses(result: SearchResult, threshold: number, refusal: RefusalWeights = REFUSAL_WEIGHTS): boolean {
  return refusalOf(result, threshold, refusal) !== null;
}

/** Share of the question's idf-weighted words the best passage must write for similarity alone not to refuse it. */
export const WHOLLY_HELD = 0.999;

/** True when a rule refuses before the fitted answer check is consulted (the check is fitted on the rest). */
export function refusedBeforeCheck(result: SearchResult, threshold: number): boolean {
  return ruleRefusal(result, threshold) !== null;
}

/**
 * The first rule that refuses. A year or a name no article has is said before "nothing comes close"; that before the
 * rules that read the closest story (role, count, year, kind), which would otherwise explain an off-topic question by
 * an article it has nothing to do with.
 */
function ruleRefusal(result: SearchResult, threshold: number): Refusal | null {
  if (result.nothingAsked) return { reason: 'nothing-asked' };
  if (result.hits.length === 0) return { reason: 'off-topic' };
  if (result.scope.kind === 'year' && result.uncoveredYears.length === result.scope.years.length) return { reason: 'years', years: result.uncoveredYears };
  // The question names something ("operation hydra", "operation blue harbour") that no article mentions: any answer
  // would be about another thing.
  const unknown = result.names.find((n) => !n.known)?.words ?? result.unknownNames[0];
  if (unknown) return { reason: 'name', name: unknown.join(' ') };
  const best = result.hits[0]!;
  // Far from every passage: off topic — unless the best passage writes every word of the question ("ok who is
  // michael desilva?": a short question is far from any passage, yet nothing off topic is held word for word), or
  // the best story writes every rare name it asks about ("what was the european half of joint hammer called?").
  const namesHeld = result.names.some((n) => n.known && n.weight >= TELLING_NAME_IDF) && best.tellingNames === 1;
  if (result.bestDense < threshold && best.features.passageCoverage < WHOLLY_HELD && !namesHeld) return { reason: 'off-topic' };
  const source = toSource(best.article);
  // It asks who holds a role ("who chaired the 2023 meeting?") and the best answer's story names nobody in it.
  if (result.roleMissing) return { reason: 'role', source };
  // It asks the name of a person it describes ("what's the name of the wyong man…?"), and the best answer's story
  // only describes such people ("a 30-year-old Wyong man"), never names one.
  if (result.unnamedPerson) return { reason: 'unnamed', person: result.unnamedPerson, source };
  // It asks for the latest count of a thing ("what's the latest count of file signatures shared…?") and the best
  // answer's story counts no such thing anywhere.
  if (result.countMissing) return { reason: 'count', source };
  // It counts a part of a whole ("how many of the 46 people arrested were convicted?") and the best passage counts the
  // whole only: no sentence of it with a count writes the part.
  if (result.partMissing) return { reason: 'part', part: result.partMissing, source };
  // It names a year, and the best answer's story neither reports on that year nor states it where it answers — for a
  // figure, a story published that year that reports on the year before included: its figures are that year's (a
  // person or an event of the story is the year's all the same).
  const yearBefore = FIGURE_TYPES.has(result.answerType) && best.timeClass === 1 && result.scope.kind === 'year' && result.scope.years.includes(best.article.year);
  if (result.scope.kind === 'year' && (best.timeClass === 0 || yearBefore) && best.features.yearPassage === 0) {
    const { period } = result.scope;
    return { reason: 'year', years: result.scope.years, ...(period ? { period: `${period.from}-${String(period.to).slice(-2)}` } : {}), source };
  }
  // It asks for a kind of answer a passage states or not (a sum, a date, a duration, a share, a prison term, an age),
  // and none of the best passages states one. A prison term is one person's, told in their story: another story's
  // term is no answer, so none of the best story's passages stating one is enough.
  if (STRICT_ANSWER_TYPES.has(result.answerType)) {
    const kind = result.answerType as StrictKind;
    const lacksKind = (hits: Hit[]) => hits.every((h) => h.features.answerType < 1);
    if (lacksKind(result.hits.slice(0, TYPE_CHECK_DEPTH))) return { reason: 'kind', kind };
    if (kind === 'prison' && lacksKind(result.hits.filter((h) => h.article.id === best.article.id))) return { reason: 'kind', kind, source };
  }
  return null;
}

/**
 * The part of a hit's passage that no earlier result of its article shows (offsets into the article), cut at the
 * earlier results' edges, which are sentence boundaries; null when its answering sentence is already shown.
 */
function showable(hit: Hit, earlier: Draft[]): { start: number; end: number } | null {
  const p = hit.passage;
  const answer = { start: p.start + hit.sentence.start, end: p.start + hit.sentence.end };
  let start = p.start;
  let end = p.end;
  for (const d of earlier) {
    if (d.end <= start || d.start >= end) continue;
    if (d.start < answer.end && d.end > answer.start) return null;
    if (d.end <= answer.start) start = Math.max(start, d.end);
    else end = Math.min(end, d.start);
  }
  // Cut edges fall between sentences: drop the white space there.
  while (start < end && /\s/.test(p.text[start - p.start]!)) start++;
  while (end > start && /\s/.test(p.text[end - 1 - p.start]!)) end--;
  return end > start ? { start, end } : null;
}

/** Turns ranked hits into at most `top` results: highlights, merged duplicates, no repeated answering sentence. */
export function buildAnswer(
  question: string,
  result: SearchResult,
  index: VectorIndex,
  top: number,
  threshold: number,
  refusal: RefusalWeights = REFUSAL_WEIGHTS,
): Answer {
  const refused = refusalOf(result, threshold, refusal);
  if (refused) return { question, understood: question, refused: true, refusal: refused, results: [] };
  const drafts: Draft[] = [];
  for (const hit of result.hits) {
    const { start, end } = hit.sentence;
    const highlight = { text: hit.passage.text.slice(start, end), start, end };
    const words = hit.sentenceTerms;
    const twin = drafts.find(
      (d) =>
        !d.articleIds.has(hit.article.id) &&
        d.hit.article.year === hit.article.year &&
        (wordOverlap(d.words, words) >= ANSWER_DEFAULTS.mergeWordOverlap ||
          cosine(index.vector(d.hit.label), index.vector(hit.label)) >= ANSWER_DEFAULTS.mergeCosine),
    );
    if (twin) {
      twin.sources.push(toSource(hit.article));
      twin.passageIds.push(hit.passage.id);
      twin.articleIds.add(hit.article.id);
      continue;
    }
    if (drafts.length >= top) continue;
    // Overlapping passages of one article share sentences: show each sentence once.
    const shown = showable(hit, drafts.filter((d) => d.hit.article.id === hit.article.id));
    if (!shown) continue;
    drafts.push({
      hit,
      ...shown,
      highlight: { text: highlight.text, start: hit.passage.start + start - shown.start, end: hit.passage.start + end - shown.start },
      words,
      sources: [toSource(hit.article)],
      passageIds: [hit.passage.id],
      articleIds: new Set([hit.article.id]),
    });
  }
  const results: AnswerResult[] = drafts.map((d, i) => ({
    rank: i + 1,
    score: Math.round(d.hit.score * 10000) / 10000,
    text: d.hit.passage.text.slice(d.start - d.hit.passage.start, d.end - d.hit.passage.start),
    highlight: d.highlight.text,
    highlightStart: d.highlight.start,
    highlightEnd: d.highlight.end,
    sources: d.sources,
    passageIds: d.passageIds,
  }));
  return { question, understood: question, refused: false, results, newestFirst: result.trend };
}

/** The kind of answer each reference to a previous answer asks for. */
const REFERENCE_TYPES: Record<'place' | 'date', AnswerType> = { place: 'place', date: 'date' };

/** A pronoun for a person ("his job", "where is she from?"). */
const PERSON_PRONOUN = /\b(?:he|him|his|she|her|hers)\b/i;

/**
 * Opens the saved index and checks it against the corpus and the configured model (throws `IndexError` naming the
 * rebuild command when it is missing, damaged or stale), then starts loading the model in the background.
 */
export async function openAnswerer(config: CoreConfig, preloaded?: { embedder?: Embedder; reader?: ReaderModel }): Promise<Answerer> {
  // The model loads while the HNSW files are read on libuv's threads: together most of a cold start.
  const opening = openIndexAsync(config.indexDir);
  const embedderLoading = preloaded?.embedder ? Promise.resolve(preloaded.embedder) : loadEmbedder(config);
  // Failures surface from ask()/ready(); keep an unobserved rejection from crashing the process meanwhile.
  embedderLoading.catch(() => undefined);
  const index = await opening;
  let stale: string | null;
  try {
    stale = corpusStaleness(index.manifest, config.corpusDir, config.indexDir, config.embeddingModel);
  } catch (error) {
    index.lexical.close();
    throw error;
  }
  if (stale) {
    index.lexical.close();
    throw new IndexError(stale);
  }
  const searcher = createSearcher(index);
  const threshold = refusalThreshold(config.embeddingModel);
  let loaded = false;
  const embedderReady = embedderLoading.then((embedder) => {
    const changed = staleness(index.manifest, null, config.embeddingModel, embedder.modelHash);
    if (changed) throw new IndexError(changed);
    loaded = true;
    return embedder;
  });
  // Failures surface from ask()/ready(); keep an unobserved rejection from crashing the process meanwhile.
  embedderReady.catch(() => undefined);
  // The reader loads once the embedding model has: they would share the two cores, and the first question needs both.
  let readerLoaded = config.readerModel === null || preloaded?.reader !== undefined;
  const readerReady: Promise<ReaderModel | null> = !config.readerModel
    ? Promise.resolve(null)
    : preloaded?.reader
      ? Promise.resolve(preloaded.reader)
      : embedderReady.then(async () => {
          const reader = await loadReaderModel(config.readerModel!, config.modelsDir);
          readerLoaded = true;
          return reader;
        });
  readerReady.catch(() => undefined);
  const sources = [...index.articles].sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title)).map(toSource);

  async function search(raw: string, options: AskOptions = {}, focus?: Focus): Promise<SearchResult> {
    const question = correctSpelling(questionOfMessage(checkQuestion(raw)), index.lexical);
    const embedder = await embedderReady;
    const result = searcher.search(await embedder.embedQuery(withoutTimePhrases(question)), question, options.search, focus);
    const reader = await readerReady;
    // A refused question shows no passage, and the refusal reads the search's own order anyway: nothing to read.
    if (!reader || refuses(result, options.refusalThreshold ?? threshold, options.refusal)) return result;
    return readResult(result, question, reader, index);
  }

  /** Answers a question that stands on its own (a stored reference form included). */
  async function answerUnderstood(question: string, top: number, options: AskOptions): Promise<Answer> {
    const stored = parseReference(question);
    const resolution = stored ? resolveFollowUp(stored.message, stored.previous) : null;
    if (resolution?.kind === 'reference') return answerReference(resolution, top, options);
    const result = await search(question, options);
    return buildAnswer(question, result, index, top, options.refusalThreshold ?? threshold, options.refusal);
  }

  /**
   * Answers a question about the previous answer (asked again from its understood question) from that answer's
   * article: "which article?" with the answer itself; "who said that?" with the nearby sentence naming the speaker
   * (`speaker.ts`); "where/when?" with the answering sentence when it states a place or date, else by searching that
   * article alone for one; anything else ("who opened it?") by searching that article alone, with the usual checks.
   */
  async function answerReference(r: Extract<Resolution, { kind: 'reference' }>, top: number, options: AskOptions): Promise<Answer> {
    const refused = (refusal: Refusal): Answer => ({ question: r.question, understood: r.question, refused: true, refusal, results: [] });
    const previous = await answerUnderstood(r.previous, ANSWER_DEFAULTS.top, options);
    const first = previous.results[0];
    // The answer it is about was refused itself: so is this, for the same reason.
    if (previous.refused || !first) return refused(previous.refusal ?? { reason: 'off-topic' });
    if (r.about === 'source') return { ...previous, question: r.question, understood: r.question, newestFirst: false, results: [first] };
    if (r.about === 'speaker') {
      const said = speakerOf(index, first);
      return said ? { question: r.question, understood: r.question, refused: false, results: [said] } : refused({ reason: 'speaker', source: first.sources[0]! });
    }
    // "and the chair?" asks what the previous question asked ("who…?") of another thing.
    const type = r.about !== 'topic' ? REFERENCE_TYPES[r.about] : QUESTION_WORD.test(r.message) ? answerType(r.message) : askedOfAnother(answerType(r.previous));
    // The answering sentence often says it itself ("…the three-day meeting (5 – 7 September)…").
    const states = (text: string) => (r.about === 'place' ? namesPlace(text) : statesAnswer(type, text));
    if (r.about !== 'topic' && states(first.highlight)) return { ...previous, question: r.question, understood: r.question, newestFirst: false, results: [first] };
    const focus: Focus = { articles: new Set([articleOfPassage(first.passageIds[0]!)]), answerType: type };
    // What "that" is about: the question the previous answer answered; "he", "her"… is someone that answer names
    // ("what was his job?" after "who opened the 2022 meeting?"), so the people its sentence names are asked about too.
    const people = PERSON_PRONOUN.test(r.message) ? peopleNamed(first.highlight) : [];
    const query = [r.message, withoutTimePhrases(r.previous), ...people].join(' ');
    const embedder = await embedderReady;
    const result = searcher.search(await embedder.embedQuery(query), query, options.search, focus);
    // A place or a date is what was asked: the passages that state one go first.
    if (r.about !== 'topic') {
      const answers = (h: Hit) => (r.about === 'place' ? namesPlace(h.passage.text) : h.features.answerType >= 1);
      result.hits.sort((a, b) => Number(answers(b)) - Number(answers(a)));
      // The sentence shown is the one naming the place ("LYON, France – …"), not the one closest to the two questions.
      if (r.about === 'place') result.hits = result.hits.map(withPlaceSentence);
    }
    // Only the article's own passages compete, and the query is the two questions run together, so its similarity
    // says little: no similarity refusal. A place or date is stated or not (the strict-kind rule); anything else
    // must also pass the answer check.
    const check = r.about === 'topic' ? options.refusal : { ...REFUSAL_WEIGHTS, threshold: Infinity };
    return buildAnswer(r.question, result, index, top, -1, check);
  }

  /**
   * What "and the chair?" asks, after a question about something else: the previous question's kind of answer when it
   * names a thing of one (a person, a place, a body — "and the chair?" after "who opened…?"), none when that kind was a
   * figure of the previous thing ("and the theme?" after "how long did the meeting run?" asks no duration).
   */
  function askedOfAnother(previous: AnswerType): AnswerType {
    return FIGURE_TYPES.has(previous) ? 'other' : previous;
  }

  /** A hit whose shown sentence names a place: its own, or its passage's first that does. */
  function withPlaceSentence(h: Hit): Hit {
    const text = (span: { start: number; end: number }) => h.passage.text.slice(span.start, span.end);
    if (namesPlace(text(h.sentence))) return h;
    const spans = index.sentencesOfPassage(h.label).map((l) => index.sentence(l)).map((x) => ({ start: x.start - h.passage.start, end: x.end - h.passage.start }));
    const named = spans.find((span) => namesPlace(text(span)));
    return named ? { ...h, sentence: named } : h;
  }

  /** How to take `message` after `after` (see `follow-up.ts`). */
  async function resolve(message: string, after: string | undefined, options: AskOptions): Promise<Resolution> {
    if (after === undefined) return { kind: 'new', question: message };
    const previous = checkQuestion(after, Number.MAX_SAFE_INTEGER);
    const resolution = resolveFollowUp(message, previous);
    if (resolution.kind !== 'new' || !resolution.needsYear) return resolution;
    // A time relative to the previous answer ("the year before?") when its question named no year: the year of the
    // article that answered it.
    const answered = await answerUnderstood(parseReference(previous)?.previous ?? previous, 1, options);
    const year = answered.refused ? null : Number(answered.results[0]?.sources[0]?.published.slice(0, 4));
    return resolveFollowUp(message, previous, year && Number.isFinite(year) ? year : null);
  }

  return {
    search: (raw, options = {}) => search(raw, options),
    async ask(raw, options = {}) {
      const message = checkQuestion(raw);
      const top = Math.min(Math.max(Math.floor(options.top ?? ANSWER_DEFAULTS.top), 1), ANSWER_DEFAULTS.maxTop);
      // A greeting, lead-in or sign-off is dropped and a slip of the keyboard read as the word the articles use.
      const wrapped = questionOfMessage(message);
      const read = correctSpelling(wrapped, index.lexical);
      const resolution = await resolve(read, options.after, options);
      const answer =
        resolution.kind === 'reference' ? await answerReference(resolution, top, options) : await answerUnderstood(resolution.question, top, options);
      // The answer says how the question was read when that is news to the user (a slip read, a follow-up completed),
      // not when only a greeting or a sign-off was dropped: asked again, the message as typed reads the same.
      const understood = resolution.kind === 'new' && resolution.question === read && read === wrapped ? message : resolution.question;
      return { ...answer, question: message, understood };
    },
    sources: () => sources.map((s) => ({ ...s })),
    ready: () => Promise.all([embedderReady, readerReady]).then(() => undefined),
    isReady: () => loaded && readerLoaded,
  };
}
