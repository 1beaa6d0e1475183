import { describe, expect, it } from 'vitest';
import { namesCountry } from '../../src/analysis/index.js';

describe('namesCountry', () => {
  it('finds a country by the forms news writes, and a world region', () => {
    expect(namesCountry('Officers from Canada, Germany and New Zealand helped.')).toBe(true);
    expect(namesCountry('police from the UK and the U.S. took part')).toBe(true);
    expect(namesCountry('raids in Turkey and Côte d’Ivoire')).toBe(true);
    expect(namesCountry('police across Latin America and Asia')).toBe(true);
  });

  it('does not read a country inside a longer word, nor a given name before a surname', () => {
    expect(namesCountry('a European agency and Nigerian police')).toBe(false);
    expect(namesCountry('Detective Inspector Jordan Whitesell said the arrests were staggering.')).toBe(false);
    expect(namesCountry('Police in Jordan said the arrests were staggering.')).toBe(true);
  });
});
