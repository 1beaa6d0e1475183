import { describe, expect, it } from 'vitest';
import { quotedSpans } from '../../src/search/names.js';

describe('quotedSpans', () => {
  it('finds words put in double or single quotes', () => {
    expect(quotedSpans('how many members did "little nest" have?')).toEqual(['little nest']);
    expect(quotedSpans("how many members did 'little nest' have?")).toEqual(['little nest']);
    expect(quotedSpans('what did ‘worst of’ list hold?')).toEqual(['worst of']);
  });

  it('takes no apostrophe inside a word for a quote mark', () => {
    expect(quotedSpans("what's the latest headcount of participants at interpol's meeting?")).toEqual([]);
    expect(quotedSpans("what's the iwf's 'worst of' list?")).toEqual(['worst of']);
  });
});
