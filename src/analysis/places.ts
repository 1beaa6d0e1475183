/**
 * Places a sentence can name without a preposition before them ("police from Australia, Bulgaria and Thailand",
 * "across Latin America, Europe and Asia"): the world's countries by their names (common, official and other
 * spellings of three letters or more, from world-countries, ODbL), the forms news uses that the data lacks or spells
 * otherwise ("UK", "U.S.", "Britain", "Turkey"), and the world's regions — as written, capitalised.
 */
import { iso31662 } from 'iso-3166/2.js';
import { createRequire } from 'node:module';

/** World regions, as news writes them. */
export const REGIONS = ['Europe', 'Africa', 'Asia', 'Latin America', 'North America', 'South America', 'Central America', 'Middle East', 'Caribbean', 'Oceania', 'Scandinavia', 'Balkans'];

/**
 * Countries as English news writes them where the data has another spelling or a two-letter code only. Those that are
 * another name of one country, as a question may name it ("uk" for "british police", "nz" for a story writing "New
 * Zealand": tuning top-1 +1, top-3 +3, nothing lost), are that country's names
 * (`NEWS_NAMES_OF`, in `countryNames`); the rest are places in text only: the United States' ("US") because, read
 * without case as a question's words are, it is the word "us"; the UK's nations because they are not the UK.
 */
const NEWS_NAMES_OF: Record<string, string[]> = { 'United Kingdom': ['UK', 'Britain'], 'New Zealand': ['NZ'], Türkiye: ['Turkey'] };
const NEWS_FORMS = ['U.K.', 'US', 'U.S.', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Czech Republic', 'Côte d’Ivoire'];

/** Countries that are also given names: before a capitalised word ("Jordan Whitesell") they name a person. */
const GIVEN_NAMES = new Set(['Jordan', 'Chad', 'Georgia', 'India', 'Israel']);

/** A country as world-countries gives it (the fields read here and in `search/names.ts`). */
export interface Country {
  name: { common: string; official: string };
  /** ISO 3166-1 alpha-2 code. */
  cca2: string;
  capital?: string[];
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  unMember?: boolean;
}

let countryList: Country[] | undefined;
/** The world's countries (world-countries, ODbL), read at first use: the list is 1.4 MB. */
export function countries(): Country[] {
  return (countryList ??= createRequire(import.meta.url)('world-countries') as Country[]);
}

/**
 * A country's names as English text writes them: its common and official names, its other spellings of three
 * letters or more in letters only (two-letter codes are left out: "IT", "IN", "NO" are English words) and the news
 * forms that name it alone ("UK", "Britain").
 */
export function countryNames(c: Country): string[] {
  return [
    c.name.common,
    c.name.official,
    ...c.altSpellings.filter((a) => a.length >= 3 && /^[\p{L} .'’-]+$/u.test(a)),
    ...(NEWS_NAMES_OF[c.name.common] ?? []),
  ];
}

let placeNames: RegExp | undefined;

/** The pattern of every country's names and every region, compiled at the first sentence it reads. */
function placePattern(): RegExp {
  if (placeNames) return placeNames;
  const forms = countries().flatMap(countryNames);
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Longest first, so "United States of America" is read whole rather than as "United States".
  const names = [...new Set([...forms, ...NEWS_FORMS, ...REGIONS])]
    .sort((a, b) => b.length - a.length)
    .map((n) => (GIVEN_NAMES.has(n) ? `${escape(n)}(?!\\s+\\p{Lu})` : escape(n)));
  return (placeNames = new RegExp(`(?<![\\p{L}])(?:${names.join('|')})(?![\\p{L}])`, 'u'));
}

/** True when a text names a country or a world region ("South Korea", "the U.S.", "Latin America"). */
export function namesCountry(text: string): boolean {
  return placePattern().test(text);
}

let subdivisionsByCountry: Map<string, string[]> | undefined;

/**
 * A country's capital (world-countries) and its subdivisions — states, provinces, regions, counties — by name, as
 * ISO 3166-2 gives them (iso-3166, MIT): "Karnātaka", "New South Wales", "Greater Wellington". A parenthesised other
 * name is dropped ("Puducherry (Pondicherry)" → "Puducherry").
 */
export function countryPlaces(c: Country): string[] {
  if (!subdivisionsByCountry) {
    subdivisionsByCountry = new Map();
    for (const s of iso31662) {
      const country = s.code.slice(0, 2);
      const list = subdivisionsByCountry.get(country) ?? [];
      list.push(s.name.replace(/\s*\(.*?\)\s*/gu, ' ').trim());
      subdivisionsByCountry.set(country, list);
    }
  }
  return [...(c.capital ?? []), ...(subdivisionsByCountry.get(c.cca2) ?? [])];
}
