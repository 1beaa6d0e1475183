import { describe, expect, it } from 'vitest';
import { questionOfMessage } from '../../src/search/message.js';

describe('questionOfMessage', () => {
  it('drops a lead-in ending in a colon and a sign-off after the question mark, when they are common words', () => {
    expect(questionOfMessage('quick question: how many countries attended in 2011?')).toBe('how many countries attended in 2011?');
    expect(questionOfMessage('how many countries attended in 2011? thanks in advance!')).toBe('how many countries attended in 2011?');
    expect(questionOfMessage('one more thing: who opened the meeting? cheers')).toBe('who opened the meeting?');
  });

  it('drops a greeting before a comma when its words say nothing, and keeps a lead-in that does', () => {
    expect(questionOfMessage('hi there, how many countries attended in 2011?')).toBe('how many countries attended in 2011?');
    expect(questionOfMessage('ok so, who opened the meeting?')).toBe('who opened the meeting?');
    expect(questionOfMessage('at the meeting, who spoke first?')).toBe('at the meeting, who spoke first?');
    expect(questionOfMessage('in 2011, how many countries attended?')).toBe('in 2011, how many countries attended?');
    // Whatever the question opens with, a greeting before it goes; a question word set off by commas stays.
    expect(questionOfMessage('hey, operation rescue 2011, how many people got arrested?')).toBe('operation rescue 2011, how many people got arrested?');
    expect(questionOfMessage('hi, back in 2007 how many victims had been found?')).toBe('back in 2007 how many victims had been found?');
    expect(questionOfMessage('who, exactly, chaired the meeting?')).toBe('who, exactly, chaired the meeting?');
  });

  it('keeps a lead-in or an ending that says something: a name, a number, a question of its own', () => {
    expect(questionOfMessage('interpol: how many countries attend?')).toBe('interpol: how many countries attend?');
    expect(questionOfMessage('how many countries attended? in 2011')).toBe('how many countries attended? in 2011');
    expect(questionOfMessage('what time is it: 5pm?')).toBe('what time is it: 5pm?');
    expect(questionOfMessage('how many countries attended in 2011?')).toBe('how many countries attended in 2011?');
  });
});
