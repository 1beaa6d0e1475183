/**
 * The question-answering core that every front end (CLI, Discord bot, benchmarks) calls.
 * `openAnswerer` loads the saved index and starts loading the model; `ask` turns a question into an `Answer`.
 */
import type { CoreConfig } from '../config.js';
import type { Answer, Source } from '../types.js';

export { checkQuestion, QuestionError, QUESTION_MAX_LENGTH } from './question.js';

export interface AskOptions {
  /** How many results at most (default 3). */
  top?: number;
}

export interface Answerer {
  /** Answers one question. Throws `QuestionError` for bad input; a question the articles do not cover is `refused`. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** The articles of the corpus, newest first. */
  sources(): Source[];
  /** Resolves once the embedding model is loaded (the first `ask` waits for it anyway). */
  ready(): Promise<void>;
  /** True once the model is loaded, so a front end knows whether the next answer may be slow. */
  isReady(): boolean;
}

export declare function openAnswerer(config: CoreConfig): Promise<Answerer>;
