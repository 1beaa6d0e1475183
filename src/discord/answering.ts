/**
 * The one path from a user's question to a delivered answer, shared by `/ask`, mentions, DMs and
 * "More results": check the question, apply the cooldown, ask the core (deferring when it may be slow),
 * render through `render.ts`, deliver, and write one structured log line.
 */
import { checkQuestion, QUESTION_MAX_LENGTH, QuestionError } from '../answer/index.js';
import type { Answer } from '../types.js';
import type { BotContext } from './context.js';
import { renderAnswer, renderCooldown, renderNotice, type ReplyPayload } from './render.js';

export type Via = 'slash' | 'mention' | 'dm' | 'more';

export interface Asker {
  userId: string;
  guildId: string | null;
  channelId: string | null;
  via: Via;
}

/** How a reply reaches the user: an interaction response or a reply to a message. */
export interface Delivery {
  /** Whether replies are visible to the asker only (interactions only). */
  ephemeral: boolean;
  /** When the request reached the bot (ms since the epoch): the deferral deadline counts from it. */
  arrivedAt: number;
  /** True when a notice to the asker is seen by everyone in the channel (a reply to a message). */
  noticesArePublic: boolean;
  /** Shows that an answer is on its way (interaction deferral, or typing in a channel). */
  defer(): Promise<unknown>;
  /** Sends or edits the reply. */
  send(payload: ReplyPayload): Promise<unknown>;
}

export interface QuestionRequest {
  raw: string;
  asker: Asker;
  /** Results already shown (0 for a new question). */
  offset: number;
  count: number;
  /** New questions count against the cooldown; "More results" continues an admitted one. */
  applyCooldown: boolean;
  /**
   * The conversation this message continues (a reply to an answer, or a thread), read from Discord only once the
   * question is admitted (valid, and not on cooldown), so a user posting fast cannot make the bot call Discord.
   */
  context?: () => Promise<{ after: string; via: 'reply' | 'thread' } | null>;
}

export type Outcome = 'answered' | 'refused' | 'invalid' | 'cooldown' | 'no-more' | 'shutting-down' | 'error';

export const SHUTTING_DOWN = "I'm restarting right now; please ask again in a minute.";
export const NO_MORE_RESULTS = 'There are no more results for this question.';

/** Answers one question and says how it went ('answered' and 'refused' delivered an answer message). */
export async function answerQuestion(ctx: BotContext, request: QuestionRequest, delivery: Delivery): Promise<Outcome> {
  const started = performance.now();
  const { asker } = request;
  let outcome: Outcome = 'error';
  let results = 0;
  /** Why the core refused (`Refusal.reason`: "years", "name", "off-topic"…), for the log; never the question's words. */
  let refusal: string | null = null;
  let deferred = false;
  let question = request.raw;
  let continues: 'reply' | 'thread' | null = null;
  try {
    if (ctx.inFlight.isClosing) {
      outcome = 'shutting-down';
      await sendNotice(ctx, asker, delivery, renderNotice(SHUTTING_DOWN, { ephemeral: true }));
      return outcome;
    }
    try {
      // "More results" re-asks the question an answer's footer holds, as understood: a follow-up's understood form
      // may be longer than what the user typed, so only the core's own limit applies to it.
      question = checkQuestion(request.raw, asker.via === 'more' ? QUESTION_MAX_LENGTH : ctx.config.questionMaxLength);
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      outcome = 'invalid';
      await sendNotice(ctx, asker, delivery, renderNotice(error.message, { ephemeral: true }));
      return outcome;
    }
    if (request.applyCooldown) {
      const admitted = await ctx.cooldown.take(asker.userId);
      if (!admitted.ok) {
        outcome = 'cooldown';
        await sendNotice(ctx, asker, delivery, renderCooldown(admitted.retryAfterSeconds, { ephemeral: true }));
        return outcome;
      }
    }

    const context = request.context ? await request.context() : null;
    continues = context?.via ?? null;
    const top = request.offset + request.count;
    const work = ctx.answerer.ask(question, { top, after: context?.after });
    const left = Math.max(0, ctx.deferAfterMs - (Date.now() - delivery.arrivedAt));
    const result = await withDeferral(work, ctx.answerer.isReady(), left, delivery.defer, (error) =>
      ctx.logger.warn('defer.failed', { via: asker.via, guildId: asker.guildId, channelId: asker.channelId, userId: asker.userId, error }),
    );
    deferred = result.deferred;
    const answer: Answer = {
      ...result.value,
      question,
      results: result.value.results.slice(request.offset, top),
    };
    if (!answer.refused && answer.results.length === 0 && request.offset > 0) {
      outcome = 'no-more';
      await sendNotice(ctx, asker, delivery, renderNotice(NO_MORE_RESULTS, { ephemeral: true }));
      return outcome;
    }
    outcome = answer.refused || answer.results.length === 0 ? 'refused' : 'answered';
    results = answer.results.length;
    refusal = answer.refusal?.reason ?? null;
    await delivery.send(
      renderAnswer(answer, {
        offset: request.offset,
        requested: request.count,
        corpus: ctx.answerer.sources(),
        ephemeral: delivery.ephemeral,
      }),
    );
    return outcome;
  } finally {
    const latencyMs = performance.now() - started;
    ctx.metrics.question(outcome, latencyMs, deferred);
    ctx.logger.info('question', {
      via: asker.via,
      guildId: asker.guildId,
      channelId: asker.channelId,
      userId: asker.userId,
      latencyMs: Math.round(latencyMs),
      outcome,
      refused: outcome === 'refused',
      refusal,
      results,
      offset: request.offset,
      deferred,
      continues,
      ...(ctx.logger.enabled('debug') ? { question } : {}),
    });
  }
}

/**
 * Sends a notice (not an answer). A notice everyone in the channel would see goes to a user at most once per
 * throttle window; later ones are dropped, so repeating a bad question cannot make the bot spam the channel.
 */
export async function sendNotice(ctx: BotContext, asker: Pick<Asker, 'userId'>, delivery: Delivery, payload: ReplyPayload): Promise<void> {
  if (delivery.noticesArePublic && !(await ctx.throttles.notices.take(asker.userId)).ok) {
    ctx.logger.info('notice.dropped', { userId: asker.userId });
    return;
  }
  await delivery.send(payload);
}

/**
 * Awaits `work`; calls `defer` at once when the model is still loading, or when `work` has not finished after
 * `afterMs` (0: at once). Any started deferral has settled before this returns or throws. A deferral that fails is
 * reported to `onDeferFailed` and otherwise ignored: `deferred` is then false, and the answer goes out as a plain reply.
 */
export async function withDeferral<T>(
  work: Promise<T>,
  ready: boolean,
  afterMs: number,
  defer: () => Promise<unknown>,
  onDeferFailed: (error: unknown) => void = () => undefined,
): Promise<{ value: T; deferred: boolean }> {
  let deferring: Promise<boolean> | null = null;
  const start = () => {
    deferring ??= defer().then(
      () => true,
      (error: unknown) => {
        onDeferFailed(error);
        return false;
      },
    );
  };
  let timer: NodeJS.Timeout | undefined;
  if (!ready || afterMs <= 0) start();
  else timer = setTimeout(start, afterMs);
  let value: T;
  try {
    value = await work;
  } finally {
    clearTimeout(timer);
    if (deferring) await deferring;
  }
  return { value, deferred: deferring ? await deferring : false };
}
