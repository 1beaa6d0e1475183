/**
 * A saved news page (HTML) → the article's own text and its metadata, as the publisher states them.
 *
 * Text: Mozilla's Readability (the Firefox Reader View algorithm) on a `linkedom` document, after removing what
 * Readability keeps but is not the article's words (captions, cookie and consent notices, newsletter boxes); then
 * one paragraph per block element. Metadata, in the order publishers state it: JSON-LD `NewsArticle`/`Article`
 * (`headline`, `datePublished`, `publisher.name`, `url`), then Open Graph and `article:published_time`, then the
 * page's `<title>` and `<link rel="canonical">`.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface PageMeta {
  title?: string;
  publisher?: string;
  /** `YYYY-MM-DD`, as the page states it (the date part of an ISO date-time, in the publisher's time zone). */
  published?: string;
  url?: string;
  /** What kind of page the page says it is (JSON-LD `@type` or `og:type`), when it says. */
  type?: string;
}

export interface ExtractedPage {
  meta: PageMeta;
  /** The article's paragraphs, separated by blank lines; '' when the page holds no article text. */
  text: string;
  /** False when the page says it is something other than an article (a section front, a product, a profile…). */
  isArticle: boolean;
}

/** JSON-LD types that are articles. */
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting)$/;

/** JSON-LD types of pages that are not an article: a section front, a list, a shop or a profile. */
const NOT_ARTICLE_TYPES = /^(?:CollectionPage|ItemList|SearchResultsPage|Product|ProfilePage|ContactPage|AboutPage|Event|Recipe)$/;

/** Elements Readability would keep that are not the article's own words. */
const NOT_ARTICLE_TEXT = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'footer',
  'figure',
  'figcaption',
  'iframe',
  'button',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-hidden="true"]',
];
/** Class or id words of boxes that are not the article: notices, comments, "related", sharing, sign-up, bylines and dates. */
const NOT_ARTICLE_BOX =
  /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|cmp|newsletter|subscribe|signup|sign-up|paywall|related|recommended|more-stories|read-more|comments?|disqus|share|sharing|social|promo|advert|ads?|sponsor|caption|credit|breadcrumbs?|byline|author|date|timestamp|meta)(?:$|[\s_-])/i;

/** Fewest words of paragraph text a page must hold to be taken as an article. */
export const MIN_ARTICLE_WORDS = 60;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

/**
 * `2015-11-18T10:00:00+01:00`, `2015-11-18`, `Wed, 18 Nov 2015 09:00:00 GMT`, `November 18, 2015` → `2015-11-18`:
 * the date as the page writes it (no time-zone conversion, which could move it a day); undefined if unreadable.
 */
export function isoDate(raw: string | undefined): string | undefined {
  const text = clean(raw);
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i').exec(text);
  const monthFirst = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(text);
  const [y, mo, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), MONTHS.indexOf(dayFirst[2]!.toLowerCase()) + 1, Number(dayFirst[1])]
      : monthFirst
        ? [Number(monthFirst[3]), MONTHS.indexOf(monthFirst[1]!.toLowerCase()) + 1, Number(monthFirst[2])]
        : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

type Json = Record<string, unknown>;

/** Every object in the page's JSON-LD blocks, `@graph` members and arrays flattened. */
function jsonLdItems(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      out.push(node as Json);
      if ('@graph' in node) visit((node as Json)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block is skipped: the page's other metadata still counts.
    }
  }
  return out;
}

const typesOf = (item: Json) => [item['@type']].flat().filter((t): t is string => typeof t === 'string');

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(value) || undefined;
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

/** `publisher` as a name: a string, `{name}`, or an `{@id}` pointing at an organisation elsewhere in the graph. */
function publisherName(value: unknown, items: Json[]): string | undefined {
  if (Array.isArray(value)) return publisherName(value[0], items);
  if (typeof value === 'string') return clean(value) || undefined;
  if (value && typeof value === 'object') {
    const v = value as Json;
    if (typeof v.name === 'string') return clean(v.name) || undefined;
    if (typeof v['@id'] === 'string') {
      const target = items.find((i) => i['@id'] === v['@id'] && typeof i.name === 'string');
      if (target) return clean(target.name as string);
    }
  }
  return undefined;
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? value : undefined;
  if (value && typeof value === 'object' && typeof (value as Json)['@id'] === 'string') return urlOf((value as Json)['@id']);
  return undefined;
}

function metaContent(document: Document, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = clean(document.querySelector(selector)?.getAttribute('content'));
    if (value) return value;
  }
  return undefined;
}

/** The page's metadata, JSON-LD first, then Open Graph and common meta tags, then `<title>` and the canonical link. */
export function pageMeta(document: Document): PageMeta {
  const items = jsonLdItems(document);
  const article = items.find((i) => typesOf(i).some((t) => ARTICLE_TYPES.test(t)));
  const ogType = metaContent(document, ['meta[property="og:type"]']);
  const siteName = metaContent(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const rawTitle = clean(document.querySelector('title')?.textContent);
  // "Headline | Site" or "Headline - Site": the site's name is not part of the headline.
  const titleTag = siteName ? rawTitle.replace(new RegExp(`\\s*[|\\-–—:]\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i'), '') : rawTitle;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const meta: PageMeta = {
    title:
      text(article?.headline) ?? text(article?.name) ?? metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? (titleTag || undefined),
    publisher: publisherName(article?.publisher, items) ?? siteName,
    published:
      isoDate(text(article?.datePublished) ?? text(article?.dateCreated)) ??
      isoDate(
        metaContent(document, [
          'meta[property="article:published_time"]',
          'meta[name="article:published_time"]',
          'meta[itemprop="datePublished"]',
          'meta[name="pubdate"]',
          'meta[name="publishdate"]',
          'meta[name="date"]',
          'meta[name="DC.date.issued"]',
        ]),
      ),
    url: urlOf(article?.url) ?? urlOf(article?.mainEntityOfPage) ?? urlOf(metaContent(document, ['meta[property="og:url"]'])) ?? urlOf(canonical),
    type: article ? typesOf(article)[0] : (items.flatMap(typesOf).find((t) => NOT_ARTICLE_TYPES.test(t)) ?? ogType),
  };
  return meta;
}

/** The article's paragraphs from Readability's cleaned HTML: one per block element, a heading equal to the title left out. */
function paragraphs(html: string, title: string | undefined): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll('p, h2, h3, h4, h5, h6, li, blockquote, pre')].filter(
    // The innermost blocks only: a <blockquote> holding <p>s gives its paragraphs, not itself.
    (el) => !el.querySelector('p, li, blockquote, pre'),
  );
  const out: string[] = [];
  for (const el of blocks) {
    const t = clean(el.textContent);
    if (!t || (title && t.toLowerCase() === title.toLowerCase())) continue;
    if (out[out.length - 1] !== t) out.push(t);
  }
  return out;
}

/** Reads one page. Never throws on odd HTML: what it cannot find is left out, for the caller to refuse. */
export function extractPage(html: string): ExtractedPage {
  // A fragment (or nothing) gets the document around it that Readability needs.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const meta = pageMeta(document);
  for (const el of document.querySelectorAll(NOT_ARTICLE_TEXT.join(','))) el.remove();
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    if (NOT_ARTICLE_BOX.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`) && el.tagName !== 'BODY' && el.tagName !== 'HTML') el.remove();
  }
  const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const paras = parsed?.content ? paragraphs(parsed.content, meta.title) : [];
  const words = paras.join(' ').split(/\s+/).filter(Boolean).length;
  const saysOther = meta.type !== undefined && (NOT_ARTICLE_TYPES.test(meta.type) || /^(?:product|profile|video\.\w+|music\.\w+|book)$/i.test(meta.type));
  return { meta, text: words >= MIN_ARTICLE_WORDS ? paras.join('\n\n') : '', isArticle: !saysOther };
}
