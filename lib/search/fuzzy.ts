import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { Entry } from '../kb/types';
import type { SearchForm } from './forms';

/**
 * The typo pass: fuse.js over each entry's name, terms, keywords and summary, run only on a
 * short list of entries that share letter triples with the query. Fuse's cost grows with the
 * text it scans (≈12 ms per keystroke over the names and terms of 300 entries), while counting
 * shared triples in a precomputed index costs a fraction of that; the short list keeps fuse's
 * ranking and its marked characters at the price of a dozen entries.
 */
export interface FuzzyHit {
  readonly entry: number;
  /** Fuse's score: 0 is a perfect match, the threshold the worst kept. */
  readonly score: number;
  readonly matchedText?: string;
  readonly ranges?: readonly (readonly [number, number])[];
}

interface FuseDoc {
  readonly name: string;
  readonly terms: readonly string[];
  readonly keywords: readonly string[];
  readonly summary: string;
}

const FUSE_OPTIONS: IFuseOptions<FuseDoc> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'terms', weight: 2 },
    { name: 'keywords', weight: 1 },
    { name: 'summary', weight: 0.3 },
  ],
  ignoreLocation: true,
  ignoreDiacritics: true,
  includeScore: true,
  includeMatches: true,
  // Runs of one matched letter are noise when marking; two or more show what matched.
  minMatchCharLength: 2,
  threshold: 0.4,
};

/** Entries scored by fuse per call: enough to fill a result list, few enough to stay fast. */
const SHORTLIST_MINIMUM = 6;
const SHORTLIST_EXTRA = 4;
/** Dice similarity of letter triples below which a form is not worth fuse's time. */
const MINIMUM_TRIPLE_SIMILARITY = 0.2;

export interface FuzzyIndex {
  /** Up to `wanted` entries, best first, none of those in `skip`. */
  search(foldedQuery: string, wanted: number, skip: ReadonlySet<number>): FuzzyHit[];
}

export function createFuzzyIndex(entries: readonly Entry[], forms: readonly SearchForm[]): FuzzyIndex {
  const docs: FuseDoc[] = entries.map((entry) => ({
    name: entry.name,
    terms: entry.terms.map((term) => term.text),
    keywords: entry.keywords,
    summary: entry.summary,
  }));
  const { keys, records } = Fuse.createIndex(FUSE_OPTIONS.keys!, docs).toJSON();
  const recordOfEntry = new Map(records.map((record) => [record.i, record]));
  const triples = createTripleIndex(forms);

  return {
    search(foldedQuery, wanted, skip) {
      if (wanted <= 0) return [];
      const shortlist = triples.closestEntries(foldedQuery, Math.max(SHORTLIST_MINIMUM, wanted + SHORTLIST_EXTRA), skip);
      if (shortlist.length === 0) return [];
      const index = Fuse.parseIndex<FuseDoc>({ keys: keys as Parameters<typeof Fuse.parseIndex>[0]['keys'], records: shortlist.map((entry) => recordOfEntry.get(entry)!) });
      return new Fuse(docs, FUSE_OPTIONS, index)
        .search(foldedQuery, { limit: wanted })
        .map((result) => ({ entry: result.refIndex, score: result.score ?? 1, ...shownMatch(result.matches ?? []) }));
    },
  };
}

/** The name, term or keyword that matched best, to show and mark; summary matches are not shown. */
function shownMatch(matches: readonly FuseResultMatch[]): Pick<FuzzyHit, 'matchedText' | 'ranges'> {
  const marked = (match: FuseResultMatch): number => match.indices.reduce((sum, [from, to]) => sum + to - from + 1, 0);
  for (const key of ['name', 'terms', 'keywords']) {
    const best = matches.filter((match) => match.key === key && match.value).sort((a, b) => marked(b) - marked(a))[0];
    if (best?.value) return { matchedText: best.value, ranges: best.indices.map(([from, to]) => [from, to] as const) };
  }
  return {};
}

interface TripleIndex {
  closestEntries(foldedQuery: string, count: number, skip: ReadonlySet<number>): number[];
}

/** Letter triples of a folded text, with a space before and after so that word starts and ends count. */
export function triplesOf(folded: string): Set<string> {
  const padded = ` ${folded} `;
  const found = new Set<string>();
  for (let offset = 0; offset + 3 <= padded.length; offset++) found.add(padded.slice(offset, offset + 3));
  return found;
}

function createTripleIndex(forms: readonly SearchForm[]): TripleIndex {
  const formsByTriple = new Map<string, number[]>();
  const tripleCounts = new Int32Array(forms.length);
  forms.forEach((form, formIndex) => {
    const triples = triplesOf(form.folded);
    tripleCounts[formIndex] = triples.size;
    for (const triple of triples) {
      const list = formsByTriple.get(triple) ?? [];
      list.push(formIndex);
      formsByTriple.set(triple, list);
    }
  });
  const shared = new Int32Array(forms.length);

  return {
    closestEntries(foldedQuery, count, skip) {
      const queryTriples = triplesOf(foldedQuery);
      const touched: number[] = [];
      for (const triple of queryTriples) {
        for (const formIndex of formsByTriple.get(triple) ?? []) {
          if (shared[formIndex] === 0) touched.push(formIndex);
          shared[formIndex]!++;
        }
      }
      const similarityOfEntry = new Map<number, number>();
      for (const formIndex of touched) {
        const similarity = (2 * shared[formIndex]!) / (queryTriples.size + tripleCounts[formIndex]!);
        shared[formIndex] = 0;
        const entry = forms[formIndex]!.entry;
        if (similarity < MINIMUM_TRIPLE_SIMILARITY || skip.has(entry)) continue;
        if ((similarityOfEntry.get(entry) ?? 0) < similarity) similarityOfEntry.set(entry, similarity);
      }
      return [...similarityOfEntry]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, count)
        .map(([entry]) => entry);
    },
  };
}
