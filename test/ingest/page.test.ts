import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, isoDate } from '../../src/ingest/page.js';

const PAGES = path.join(import.meta.dirname, 'pages');
const page = (name: string) => readFileSync(path.join(PAGES, `${name}.html`), 'utf8');

/** The evaluation article a page was made from: its body as paragraphs. */
function articleText(id: string): string {
  const text = readFileSync(path.join(import.meta.dirname, '..', '..', 'eval', 'articles', `${id}.md`), 'utf8');
  return text
    .replace(/^---[\s\S]*?---\n/, '')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .join('\n\n');
}

describe('extractPage', () => {
  it.each([
    ['jsonld-newsarticle', '2019-11-14-interpol-crimes-against-children-meeting-2019'],
    ['opengraph-only', '2023-08-07-operation-narsil-child-abuse-websites'],
    ['bare', '2012-06-12-interpol-specialist-group-meeting-2012'],
    ['comments-cookie', '2017-10-19-ksn-operation-cross-country-xi'],
  ])('keeps exactly the article’s own paragraphs of %s', (name, id) => {
    const { text, isArticle } = extractPage(page(name));
    expect(isArticle).toBe(true);
    expect(text).toBe(articleText(id));
  });

  it('drops navigation, captions, dates, related boxes, cookie notices, comments and sign-up boxes', () => {
    const all = ['jsonld-newsarticle', 'opengraph-only', 'comments-cookie'].map((n) => extractPage(page(n)).text).join('\n');
    for (const gone of ['Who we are', 'Illustration:', '14 November 2019', 'Related news', 'Accept all cookies', 'This is great work', 'Sign up for', 'Share on Twitter', 'All rights reserved']) {
      expect(all).not.toContain(gone);
    }
  });

  it('takes the metadata from JSON-LD first, over Open Graph and <title>', () => {
    expect(extractPage(page('jsonld-newsarticle')).meta).toEqual({
      title: 'Safeguarding children from harm: a priority for global experts',
      publisher: 'INTERPOL',
      published: '2019-11-14',
      url: 'https://www.interpol.int/en/News-and-Events/News/2019/Safeguarding-children-from-harm-a-priority-for-global-experts',
      type: 'NewsArticle',
    });
  });

  it('follows a JSON-LD @graph, the publisher given by @id', () => {
    expect(extractPage(page('comments-cookie')).meta).toMatchObject({
      publisher: 'KSN (KSNW Wichita)',
      published: '2017-10-19',
      url: 'http://ksn.com/2017/10/19/fbi-84-minors-recovered-120-arrested-in-human-trafficking-operation/',
    });
  });

  it('falls back to Open Graph and article:published_time', () => {
    expect(extractPage(page('opengraph-only')).meta).toEqual({
      title: 'INTERPOL Operation Dismantles Global Child Abuse Networks',
      publisher: 'OCCRP',
      published: '2023-08-07',
      url: 'https://www.occrp.org/en/27-ccwatch/cc-watch-briefs/17905-interpol-operation-dismantles-global-child-abuse-networks',
      type: 'article',
    });
  });

  it('falls back to <title> and the canonical link, and finds no date or publisher where the page has none', () => {
    expect(extractPage(page('bare')).meta).toEqual({
      title: 'INTERPOL meeting targeted at identifying child sexual abusers and saving victims',
      url: 'https://www.coe.int/t/dg3/children/1in5/news/interpolmeeting_en.asp?toPrint=yes',
    });
  });

  it('finds no article on a section front, and says the page is not one', () => {
    const front = extractPage(page('section-front'));
    expect(front.text).toBe('');
    expect(front.isArticle).toBe(false);
  });

  it('survives broken JSON-LD and empty pages', () => {
    expect(extractPage('<script type="application/ld+json">{not json</script><p>x</p>')).toMatchObject({ text: '', meta: {} });
    expect(extractPage('').text).toBe('');
  });
});

describe('isoDate', () => {
  it.each([
    ['2015-11-18T10:00:00+01:00', '2015-11-18'],
    ['2015-11-18', '2015-11-18'],
    ['Wed, 18 Nov 2015 09:00:00 GMT', '2015-11-18'],
    // As written, never moved by a time-zone conversion.
    ['Wed, 18 Nov 2015 23:30:00 -0500', '2015-11-18'],
    ['November 18, 2015', '2015-11-18'],
    ['18th November 2015', '2015-11-18'],
    ['Nov. 3, 2020', '2020-11-03'],
    ['2015-02-30', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ])('%s → %s', (raw, iso) => expect(isoDate(raw)).toBe(iso));
});
