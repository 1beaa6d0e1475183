/**
 * Places a sentence can name without a preposition before them ("police from Australia, Bulgaria and Thailand",
 * "across Latin America, Europe and Asia"): the world's countries by their common names (world-countries, ODbL) and
 * its regions, as written — capitalised.
 */
import { createRequire } from 'node:module';

/** World regions, as news writes them. */
export const REGIONS = ['Europe', 'Africa', 'Asia', 'Latin America', 'North America', 'South America', 'Central America', 'Middle East', 'Caribbean', 'Oceania', 'Scandinavia', 'Balkans'];

let placeNames: RegExp | undefined;

/** The pattern of every country's common name and every region, compiled at the first sentence analysed. */
function placePattern(): RegExp {
  if (placeNames) return placeNames;
  const countries: { name: { common: string } }[] = createRequire(import.meta.url)('world-countries');
  const names = [...new Set([...countries.map((c) => c.name.common), ...REGIONS])].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return (placeNames = new RegExp(`(?<![\\p{L}])(?:${names.join('|')})(?![\\p{L}])`, 'u'));
}

/** True when a text names a country or a world region ("South Korea", "Latin America"). */
export function namesCountry(text: string): boolean {
  return placePattern().test(text);
}
