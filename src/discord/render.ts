/**
 * The one reply builder of the bot: `Answer` → embeds + buttons, and every other message the bot sends.
 * It enforces Discord's limits through one `truncateAtSentence` util and puts
 * `allowedMentions: { parse: [] }` on every payload, so nothing the bot says can ping anyone.
 * Nothing here ranks, scores or trims passages beyond what fits on screen.
 */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from 'discord.js';
import { refusalLead } from '../refusal-text.js';
import type { Answer, AnswerResult, Refusal, Source } from '../types.js';
import { encodeCustomId, MAX_RESULTS_PER_MESSAGE, MAX_RESULTS_TOTAL } from './custom-id.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  author: 256,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export { MAX_RESULTS_PER_MESSAGE, MAX_RESULTS_TOTAL } from './custom-id.js';

/** The footer prefix the question is stored behind; `readQuestion` reads it back for buttons. */
export const QUESTION_FOOTER_PREFIX = 'Question: ';

const ACCENT = 0x2b6cb0;
const REFUSAL_ACCENT = 0x718096;

export interface NoPings {
  parse: [];
  repliedUser: false;
}

/** Every payload the bot sends: a plain message, embeds, or both; never able to ping. */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: NoPings;
  /** Set only on interaction replies that only the asker sees. */
  flags?: MessageFlags.Ephemeral;
}

const noPings = (): NoPings => ({ parse: [], repliedUser: false });

// ---------------------------------------------------------------------------------------------
// Text utilities

const ELLIPSIS = '…';

/** A cut position that does not split a surrogate pair. */
function safeCut(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

/** Offsets just after each sentence end (`.`, `!`, `?`, `…` plus closing quotes/brackets) followed by whitespace. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const re = /[.!?…]+["'”’)\]]*(?=\s)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
  return ends;
}

/**
 * Shortens `text` to at most `max` characters, cutting at a sentence boundary when one is close enough,
 * else at a word boundary, else anywhere (never inside a surrogate pair), and marking the cut with `…`.
 * `keep: 'start'` keeps the beginning (cut at the end); `keep: 'end'` keeps the ending.
 */
export function truncateAtSentence(text: string, max: number, keep: 'start' | 'end' = 'start'): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const room = max - 2; // the ellipsis and the space beside it
  if (keep === 'start') {
    const end = sentenceEnds(text).filter((e) => e <= room).pop();
    if (end !== undefined && end >= room / 2) return `${text.slice(0, end).trimEnd()} ${ELLIPSIS}`;
    const hard = safeCut(text, max - 1);
    const space = text.lastIndexOf(' ', hard);
    const cut = space >= hard / 2 ? space : hard;
    return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
  }
  const minStart = text.length - room;
  const start = sentenceEnds(text)
    .map((e) => e + (text.slice(e).length - text.slice(e).trimStart().length))
    .find((s) => s >= minStart);
  if (start !== undefined && text.length - start >= room / 2) return `${ELLIPSIS} ${text.slice(start)}`;
  let hard = text.length - (max - 1);
  const lowCode = text.charCodeAt(hard);
  if (lowCode >= 0xdc00 && lowCode <= 0xdfff) hard += 1;
  const space = text.indexOf(' ', hard);
  const cut = space >= 0 && text.length - space >= (max - 1) / 2 ? space + 1 : hard;
  return `${ELLIPSIS}${text.slice(cut).trimStart()}`;
}

/**
 * Escapes Discord markdown so article or user text shows literally (reversible: every `\` is escaped too).
 * Parentheses are left alone: with `[` and `]` escaped they cannot form a link.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]<>#]/g, '\\$&');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2014-10-05` → `5 Oct 2014`; anything else is shown as given. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** Discord's longest embed URL. */
export const URL_MAX = 2048;

/** Only http(s) links are linked; `(` and `)` are encoded so a masked link cannot break; too long once encoded: none. */
function safeUrl(url: string | null): string | undefined {
  if (!url || !/^https?:\/\/\S+$/.test(url)) return undefined;
  const encoded = url.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return encoded.length <= URL_MAX ? encoded : undefined;
}

// ---------------------------------------------------------------------------------------------
// Answers

/** The passage with its answering sentence in bold, cut at sentence boundaries around it to fit `max`. */
export function formatPassage(result: Pick<AnswerResult, 'text' | 'highlight' | 'highlightStart' | 'highlightEnd'>, max: number): string {
  const { text } = result;
  let start = result.highlightStart;
  let end = result.highlightEnd;
  if (!(start >= 0 && end > start && end <= text.length && text.slice(start, end) === result.highlight)) {
    start = result.highlight ? text.indexOf(result.highlight) : -1;
    end = start + result.highlight.length;
  }
  if (start < 0) return truncateAtSentence(escapeMarkdown(text.trim()), max);

  const rawHighlight = text.slice(start, end);
  const lead = rawHighlight.length - rawHighlight.trimStart().length;
  const trail = rawHighlight.length - rawHighlight.trimEnd().length;
  const before = escapeMarkdown(text.slice(0, start + lead).trimStart());
  const after = escapeMarkdown(text.slice(end - trail).trimEnd());
  const core = escapeMarkdown(rawHighlight.trim());

  if (4 + core.length >= max) return `**${truncateAtSentence(core, Math.max(1, max - 4))}**`;
  const bold = `**${core}**`;
  if (before.length + bold.length + after.length <= max) return `${before}${bold}${after}`;

  let room = max - bold.length;
  // Some context before the highlight (up to half of the room), the rest after it.
  const shownBefore = before.length <= room / 2 ? before : truncateAtSentence(before, Math.floor(room / 2), 'end');
  room -= shownBefore.length;
  const shownAfter = truncateAtSentence(after, room);
  room -= shownAfter.length;
  const finalBefore = shownBefore === before ? before : truncateAtSentence(before, shownBefore.length + room, 'end');
  return `${finalBefore}${bold}${shownAfter}`;
}

function sourceLine(source: Source): string {
  const title = escapeMarkdown(source.title);
  const url = safeUrl(source.url);
  const linked = url ? `[${title}](${url})` : title;
  return `${linked} — ${escapeMarkdown(source.publisher)} · ${formatDate(source.published)}`;
}

export interface AnswerView {
  /** Results already shown for this question before this message (0 for the first page). */
  offset: number;
  /** How many results were asked for on this page. */
  requested: number;
  /** The corpus, to say what the bot covers when it refuses. */
  corpus: Source[];
  ephemeral?: boolean;
}

/** The line above an answer to a follow-up: what the question was read as. */
export const UNDERSTOOD_PREFIX = 'Understood as: ';

/**
 * Builds one embed per result, or the polite refusal, with "More results" and vote buttons. The footer holds the
 * question as understood, which buttons and follow-ups read back; a follow-up read as something else than typed
 * ("and in 2014?") says so above the answer.
 */
export function renderAnswer(answer: Answer, view: AnswerView): ReplyPayload {
  const question = answer.understood;
  const footerText = `${QUESTION_FOOTER_PREFIX}${truncateAtSentence(question, LIMITS.footer - QUESTION_FOOTER_PREFIX.length)}`;
  const understood = answer.understood !== answer.question ? { content: truncateAtSentence(`${UNDERSTOOD_PREFIX}${escapeMarkdown(answer.understood)}`, LIMITS.content) } : {};
  if (answer.refused || answer.results.length === 0) {
    return withFlags(
      {
        ...understood,
        embeds: [
          {
            color: REFUSAL_ACCENT,
            title: answer.refusal?.reason === 'nothing-asked' ? REFUSAL_TITLES[1] : REFUSAL_TITLES[0],
            description: truncateAtSentence(refusalText(view.corpus, answer.refusal), LIMITS.description),
            footer: { text: footerText },
          },
        ],
        components: [buttonRow(view.offset, false)],
        allowedMentions: noPings(),
      },
      view.ephemeral,
    );
  }

  const results = answer.results.slice(0, Math.min(MAX_RESULTS_PER_MESSAGE, LIMITS.embeds));
  const budget = LIMITS.embedTotal - footerText.length - 16;
  const share = Math.floor(budget / results.length);
  const embeds: APIEmbed[] = results.map((result, i) => {
    const [first, ...others] = result.sources;
    const author = truncateAtSentence(
      `${view.offset + i + 1}. ${first ? `${first.publisher} · ${formatDate(first.published)}` : 'Unknown source'}`,
      Math.min(LIMITS.author, Math.floor(share * 0.1)),
    );
    const title = truncateAtSentence(first?.title ?? 'Untitled', Math.min(LIMITS.title, Math.floor(share * 0.15)));
    const fieldName = others.length === 1 ? 'Also reported by' : 'Also reported by these articles';
    const fieldValue = others.length
      ? truncateAtSentence(others.map(sourceLine).join('\n'), Math.min(LIMITS.fieldValue, Math.floor(share * 0.3)))
      : '';
    const used = author.length + title.length + (others.length ? fieldName.length + fieldValue.length : 0);
    const embed: APIEmbed = {
      color: ACCENT,
      author: { name: author },
      title,
      description: formatPassage(result, Math.min(LIMITS.description, share - used)),
    };
    const url = safeUrl(first?.url ?? null);
    if (url) embed.url = url;
    if (others.length) embed.fields = [{ name: fieldName, value: fieldValue }];
    return embed;
  });
  embeds[embeds.length - 1]!.footer = { text: footerText };

  const hasMore = results.length >= view.requested && view.offset + results.length < MAX_RESULTS_TOTAL;
  return withFlags(
    { ...understood, embeds, components: [buttonRow(view.offset, hasMore, results.length)], allowedMentions: noPings() },
    view.ephemeral,
  );
}

function buttonRow(offset: number, hasMore: boolean, shown = 0): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (hasMore) {
    const count = Math.min(shown, MAX_RESULTS_TOTAL - offset - shown);
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'More results',
      custom_id: encodeCustomId({ action: 'more', offset: offset + shown, count }),
    });
  }
  buttons.push(
    {
      type: ComponentType.Button,
      style: ButtonStyle.Success,
      label: 'Helpful',
      emoji: { name: '👍' },
      custom_id: encodeCustomId({ action: 'vote', helpful: true, offset }),
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Not helpful',
      emoji: { name: '👎' },
      custom_id: encodeCustomId({ action: 'vote', helpful: false, offset }),
    },
  );
  return { type: ComponentType.ActionRow, components: buttons };
}

/** The titles of a refusal's embed: the articles lack it; the question named nothing to look for. */
const REFUSAL_TITLES = ['Not in the articles', 'Nothing to look for'];

/** Why a question was refused (when the core said) and what the bot covers, from the corpus: article count, years, publishers, newest title. */
export function refusalText(corpus: Source[], refusal?: Refusal): string {
  const intro = refusalLead(refusal, "I couldn't find that in the articles I answer from, so I'd rather not guess.", { date: formatDate, quote: escapeMarkdown });
  if (corpus.length === 0) return `${intro} Use \`/help\` to see how to ask.`;
  const years = corpus.map((s) => s.published.slice(0, 4)).filter((y) => /^\d{4}$/.test(y)).sort();
  const span = years.length ? (years[0] === years[years.length - 1] ? ` (${years[0]})` : ` (${years[0]}–${years[years.length - 1]})`) : '';
  const publishers = [...new Set(corpus.map((s) => s.publisher.replace(/\s*\(.*\)\s*$/, '')))];
  const named = publishers.length > 4 ? `${publishers.slice(0, 3).join(', ')} and others` : joinAnd(publishers);
  const newest = [...corpus].sort((a, b) => b.published.localeCompare(a.published))[0]!;
  return (
    `${intro}\n\nI cover ${corpus.length} news article${corpus.length === 1 ? '' : 's'}${span} from ${escapeMarkdown(named)}, ` +
    `for example “${escapeMarkdown(newest.title)}”. Use \`/sources\` to list them and \`/help\` for example questions.`
  );
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function withFlags(payload: ReplyPayload, ephemeral: boolean | undefined): ReplyPayload {
  return ephemeral ? { ...payload, flags: MessageFlags.Ephemeral } : payload;
}

/** Reads back the question a reply was rendered for, from the footer `renderAnswer` wrote. */
export function readQuestion(embeds: readonly { footer?: { text?: string } | null }[]): string | null {
  for (const embed of embeds) {
    const text = embed.footer?.text;
    if (text?.startsWith(QUESTION_FOOTER_PREFIX)) {
      const question = text.slice(QUESTION_FOOTER_PREFIX.length).trim();
      return question === '' ? null : question;
    }
  }
  return null;
}

/** The article titles shown on a reply, in order (for feedback records). */
export function readResultTitles(embeds: readonly { title?: string | null }[]): string[] {
  return embeds.map((e) => e.title ?? '').filter((t) => t !== '' && !REFUSAL_TITLES.includes(t));
}

// ---------------------------------------------------------------------------------------------
// Other replies

/** A short plain message (notices, refusals of input, apologies), within 2000 characters. */
export function renderNotice(text: string, options: { ephemeral?: boolean } = {}): ReplyPayload {
  return withFlags(
    { content: truncateAtSentence(text, LIMITS.content), embeds: [], components: [], allowedMentions: noPings() },
    options.ephemeral,
  );
}

export const APOLOGY = 'Sorry, something went wrong while answering. Please try again in a moment.';

export function renderApology(options: { ephemeral?: boolean } = {}): ReplyPayload {
  return renderNotice(APOLOGY, options);
}

export function renderCooldown(retryAfterSeconds: number, options: { ephemeral?: boolean } = {}): ReplyPayload {
  const s = retryAfterSeconds === 1 ? '1 second' : `${retryAfterSeconds} seconds`;
  return renderNotice(`You're asking quickly. Please wait ${s} before your next question.`, options);
}

/** The articles of the corpus: title (linked), publisher, date; within 10 embeds and 6000 characters. */
export function renderSources(sources: Source[], options: { ephemeral?: boolean } = {}): ReplyPayload {
  const title = `The ${sources.length} article${sources.length === 1 ? '' : 's'} I answer from`;
  const lines = sources.map((s) => `• ${sourceLine(s)}`).map((l) => truncateAtSentence(l, 600));
  const embeds: APIEmbed[] = [];
  let total = title.length;
  let current: string[] = [];
  let shown = 0;
  const flush = () => {
    if (current.length) embeds.push({ color: ACCENT, description: current.join('\n') });
    current = [];
  };
  for (const line of lines) {
    const currentLength = current.join('\n').length;
    if (currentLength + line.length + 1 > LIMITS.description) flush();
    if (total + line.length + 1 > LIMITS.embedTotal - 100 || (embeds.length === LIMITS.embeds - 1 && current.length === 0 && currentLength > 0)) break;
    current.push(line);
    total += line.length + 1;
    shown += 1;
  }
  if (shown < lines.length) current.push(`…and ${lines.length - shown} more.`);
  flush();
  if (embeds.length === 0) embeds.push({ color: ACCENT, description: 'No articles are loaded.' });
  embeds[0]!.title = title;
  return withFlags({ embeds: embeds.slice(0, LIMITS.embeds), components: [], allowedMentions: noPings() }, options.ephemeral);
}

export interface HelpView {
  examples: readonly string[];
  corpus: Source[];
  cooldownSeconds: number;
  questionMaxLength: number;
  ephemeral?: boolean;
}

export function renderHelp(view: HelpView): ReplyPayload {
  const limits =
    `Questions can be up to ${view.questionMaxLength} characters` +
    (view.cooldownSeconds > 0 ? `, one every ${view.cooldownSeconds} second${view.cooldownSeconds === 1 ? '' : 's'}.` : '.');
  const description = [
    `I answer questions about ${view.corpus.length} news articles by quoting the passages that answer them, with the answering sentence in **bold** and a link to each article.`,
    '',
    '• `/ask question:<your question>` — add `results:` (1–5, default 3) for more passages, or `private:True` so only you see the answer.',
    '• Mention me with a question in a channel, or send me a direct message.',
    '• Follow up by replying to one of my answers (“and in 2014?”, “who said that?”); add `thread:True` to `/ask` to talk it over in a thread.',
    '• **More results** shows the next passages; **Helpful** / **Not helpful** tell the maintainers how I did.',
    '• `/sources` lists the articles.',
    '',
    limits,
  ].join('\n');
  const examples = view.examples
    .slice(0, 6)
    .map((q) => `• ${escapeMarkdown(q)}`)
    .join('\n');
  return withFlags(
    {
      embeds: [
        {
          color: ACCENT,
          title: 'How to ask me',
          description: truncateAtSentence(description, LIMITS.description),
          fields: [{ name: 'Examples', value: truncateAtSentence(examples || '—', LIMITS.fieldValue) }],
        },
      ],
      components: [],
      allowedMentions: noPings(),
    },
    view.ephemeral,
  );
}

/** Autocomplete choices: name and value within 100 characters each, at most 25. */
export function renderChoices(questions: readonly string[]): APIApplicationCommandOptionChoice<string>[] {
  return questions
    .filter((q) => q.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((q) => ({ name: truncateAtSentence(q, LIMITS.choiceName), value: q }));
}

/** Size of a message's embeds as Discord counts it toward the 6000-character limit. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  let n = 0;
  for (const e of embeds) {
    n += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  }
  return n;
}
