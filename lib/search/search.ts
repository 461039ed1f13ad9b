import Fuse, { type FuseResultMatch } from 'fuse.js';
import { normalizeForm } from '../matcher/fold';
import type { Entry } from '../kb/types';

/**
 * One ranking for the popup, the side panel and `cli search`: an exact name, term or
 * abbreviation first, then names and terms that start with the query, then fuse.js for typos.
 * Exact and prefix hits come from a precomputed sorted list; full section text is not searched.
 */
export interface SearchHit {
  readonly entry: Entry;
  /** Lower is better, 0 for an exact hit. */
  readonly score: number;
  readonly how: 'exact' | 'prefix' | 'fuzzy';
  /** The name or term that matched, and the matched character ranges in it. */
  readonly matchedText?: string;
  readonly ranges?: readonly (readonly [number, number])[];
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  readonly entries: readonly Entry[];
  byId(id: string): Entry | undefined;
}

interface SearchDoc {
  readonly index: number;
  readonly name: string;
  readonly terms: readonly string[];
  readonly keywords: readonly string[];
  readonly summary: string;
}

const MAX_QUERY_LENGTH = 100;

export function createSearchIndex(entries: readonly Entry[]): SearchIndex {
  const keys: { key: string; entry: number; text: string }[] = [];
  entries.forEach((entry, index) => {
    for (const text of [entry.name, ...entry.terms.map((term) => term.text)]) {
      keys.push({ key: normalizeForm(text), entry: index, text });
    }
  });
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ids = new Map(entries.map((entry) => [entry.id, entry]));

  const docs: SearchDoc[] = entries.map((entry, index) => ({
    index,
    name: entry.name,
    terms: entry.terms.map((term) => term.text),
    keywords: entry.keywords,
    summary: entry.summary,
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'terms', weight: 2 },
      { name: 'keywords', weight: 1 },
      { name: 'summary', weight: 0.4 },
    ],
    ignoreLocation: true,
    includeScore: true,
    includeMatches: true,
    threshold: 0.4,
  });

  const firstAtOrAfter = (key: string): number => {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (keys[mid]!.key < key) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  return {
    entries,
    byId: (id) => ids.get(id),
    search(rawQuery, limit = 10) {
      const query = normalizeForm(rawQuery.slice(0, MAX_QUERY_LENGTH));
      if (!query) return [];
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      const add = (entryIndex: number, hit: Omit<SearchHit, 'entry'>): void => {
        if (seen.has(entryIndex) || hits.length >= limit) return;
        seen.add(entryIndex);
        hits.push({ entry: entries[entryIndex]!, ...hit });
      };
      const exactCase = rawQuery.trim();
      const start = firstAtOrAfter(query);
      // Exact hits; among them an exact-case abbreviation ("CTS") before a folded one.
      const exact = [];
      for (let k = start; k < keys.length && keys[k]!.key === query; k++) exact.push(keys[k]!);
      exact.sort((a, b) => Number(b.text === exactCase) - Number(a.text === exactCase) || entries[a.entry]!.name.length - entries[b.entry]!.name.length);
      for (const key of exact) add(key.entry, { score: 0, how: 'exact', matchedText: key.text, ranges: [[0, key.text.length - 1]] });
      const prefixes = [];
      for (let k = start; k < keys.length && keys[k]!.key.startsWith(query); k++) prefixes.push(keys[k]!);
      prefixes.sort((a, b) => a.key.length - b.key.length);
      for (const key of prefixes) add(key.entry, { score: 0.01, how: 'prefix', matchedText: key.text, ranges: [[0, Math.min(rawQuery.trim().length, key.text.length) - 1]] });
      if (hits.length < limit) {
        for (const result of fuse.search(query, { limit: limit * 2 })) {
          const best = bestMatch(result.matches ?? []);
          add(result.item.index, { score: 0.02 + (result.score ?? 1), how: 'fuzzy', ...best });
        }
      }
      return hits;
    },
  };
}

function bestMatch(matches: readonly FuseResultMatch[]): Pick<SearchHit, 'matchedText' | 'ranges'> {
  const preferred = matches.find((match) => match.key === 'name') ?? matches.find((match) => match.key === 'terms') ?? matches[0];
  if (!preferred?.value) return {};
  return { matchedText: preferred.value, ranges: preferred.indices.map(([from, to]) => [from, to] as const) };
}
