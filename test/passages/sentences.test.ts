import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { splitSentences } from '../../src/passages/index.js';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('ends a sentence at a full stop followed by a capital', () => {
    expect(sentences('Experts met in Lyon. They shared data.')).toEqual(['Experts met in Lyon.', 'They shared data.']);
  });

  it('keeps "Mr. Paul Griffiths" inside one sentence', () => {
    const text = 'The chair was Mr. Paul Griffiths of Australia. He opened the meeting.';
    expect(sentences(text)).toEqual(['The chair was Mr. Paul Griffiths of Australia.', 'He opened the meeting.']);
  });

  it('keeps a rank or title before a name inside one sentence ("Cpl.", "Comr.", "Atty.")', () => {
    const text = 'It was described by the lead investigator, Cpl. Jared Clarke. Police chief Comr. Gen. Makbul Padmanegara and Atty. Janet Francisco spoke. Others followed.';
    expect(sentences(text)).toEqual([
      'It was described by the lead investigator, Cpl. Jared Clarke.',
      'Police chief Comr. Gen. Makbul Padmanegara and Atty. Janet Francisco spoke.',
      'Others followed.',
    ]);
  });

  it('keeps "U.S." inside one sentence', () => {
    const text = 'Officers of the U.S. Department of Homeland Security attended. Others followed.';
    expect(sentences(text)).toEqual(['Officers of the U.S. Department of Homeland Security attended.', 'Others followed.']);
  });

  it('keeps numbers like "5,140" and "3.5" inside one sentence', () => {
    const text = 'To date 5,140 victims have been rescued. The database grew 3.5 times. Next.';
    expect(sentences(text)).toEqual(['To date 5,140 victims have been rescued.', 'The database grew 3.5 times.', 'Next.']);
  });

  it('keeps a single initial inside one sentence', () => {
    expect(sentences('It was written by J. Smith in Lyon. Then it was read.')).toEqual([
      'It was written by J. Smith in Lyon.',
      'Then it was read.',
    ]);
  });

  it('ends a sentence at a paragraph break even without a full stop', () => {
    expect(sentences('A heading without a stop\n\nThe body starts here. It goes on.')).toEqual([
      'A heading without a stop',
      'The body starts here.',
      'It goes on.',
    ]);
  });

  it('does not end a sentence at a single line break inside a paragraph', () => {
    expect(sentences('A sentence that wraps\nonto a second line.')).toEqual(['A sentence that wraps\nonto a second line.']);
  });

  it('keeps closing quotes with the sentence they end', () => {
    expect(sentences('He said “we will act.” Then he left.')).toEqual(['He said “we will act.”', 'Then he left.']);
  });

  it('returns trimmed spans that point into the text', () => {
    const text = '  First one.   Second one!  \n\n  Third?  ';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one!', 'Third?']);
  });

  it('returns nothing for white space only', () => {
    expect(splitSentences(' \n\n \t ')).toEqual([]);
  });

  it('finds the real corpus sentences with "Mr. Paul Griffiths" and "5,140" whole', () => {
    const file = path.join(PROJECT_ROOT, 'corpus', '2014-10-05-bernews-over-140-experts-attend-interpol-meeting.md');
    const text = readFileSync(file, 'utf8');
    const all = sentences(text);
    expect(all).toContain('To date 5,140 victims of sexual abuse have been rescued through use of the ICSE database.');
    const griffiths = all.find((s) => s.includes('Griffiths'));
    expect(griffiths).toBeDefined();
    expect(griffiths).toMatch(/^In the photo below .*Mr\. Paul Griffiths, Chair of Conference/);
  });
});
