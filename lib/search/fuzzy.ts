import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { Entry } from '../kb/types';
import type { SearchForm } from './forms';

/**
 * The typo pass: fuse.js over a collection of (text, entry) pairs, one per name, term, keyword
 * and summary, each text under its own weighted key. Fuse's cost grows with the text it scans
 * (≈12 ms per keystroke over the names and terms of 300 entries), so each search hands fuse only
 * the few names, terms and keywords that share the most letter triples with the query, counted in
 * a precomputed index, plus the summaries of their entries: fuse keeps its ranking and its marked
 * characters at the price of a couple of dozen short texts.
 */
export interface FuzzyHit {
  readonly entry: number;
  /** Fuse's score: 0 is a perfect match, the threshold the worst kept. */
  readonly score: number;
  readonly matchedText?: string;
  readonly ranges?: readonly (readonly [number, number])[];
}

/** One text of one entry; exactly one of the fields is set, and it names fuse's key. */
interface FusePair {
  readonly name?: string;
  readonly terms?: string;
  readonly keywords?: string;
  readonly summary?: string;
}

const KEY_OF_FIELD = { name: 'name', term: 'terms', keyword: 'keywords' } as const;

const FUSE_OPTIONS: IFuseOptions<FusePair> = {
  // Names and terms weigh more than lay keywords, and those more than the summary.
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

/** Names, terms and keywords handed to fuse per search, and how many distinct entries they may come from. */
const SHORTLISTED_FORMS = 16;
const SHORTLISTED_ENTRIES_BEYOND_WANTED = 2;
/** Dice similarity of letter triples below which a form is not worth fuse's time. */
const MINIMUM_TRIPLE_SIMILARITY = 0.2;
/** One or two typos in three letters is no longer a typo: short queries are left to the exact and prefix passes. */
export const SHORTEST_FUZZY_QUERY = 4;

export interface FuzzyIndex {
  /** Up to `wanted` entries, best first, none of those in `skip`. */
  search(foldedQuery: string, wanted: number, skip: ReadonlySet<number>): FuzzyHit[];
}

export function createFuzzyIndex(entries: readonly Entry[], forms: readonly SearchForm[]): FuzzyIndex {
  // Pair i is form i; the summary of entry e is pair forms.length + e.
  const pairs: FusePair[] = [...forms.map((form) => ({ [KEY_OF_FIELD[form.field]]: form.text })), ...entries.map((entry) => ({ summary: entry.summary }))];
  const entryOfPair = [...forms.map((form) => form.entry), ...entries.map((_, index) => index)];
  const { keys, records } = Fuse.createIndex(FUSE_OPTIONS.keys!, pairs).toJSON();
  const recordOfPair = new Map(records.map((record) => [record.i, record]));
  const triples = createTripleIndex(forms);

  return {
    search(foldedQuery, wanted, skip) {
      if (wanted <= 0 || foldedQuery.length < SHORTEST_FUZZY_QUERY) return [];
      const shortlist = triples.closestForms(foldedQuery, SHORTLISTED_FORMS, wanted + SHORTLISTED_ENTRIES_BEYOND_WANTED, skip);
      if (shortlist.length === 0) return [];
      const shortlistedEntries = new Set(shortlist.map((formIndex) => forms[formIndex]!.entry));
      const pairIndexes = [...shortlist, ...[...shortlistedEntries].map((entry) => forms.length + entry)];
      // A subset of the records built once: fuse scans only these, and refIndex still points into `pairs`.
      const index = Fuse.parseIndex<FusePair>({
        // toJSON types its keys without the optional getFn that parseIndex's type names; they are the same keys.
        keys: keys as Parameters<typeof Fuse.parseIndex>[0]['keys'],
        records: pairIndexes.map((pairIndex) => recordOfPair.get(pairIndex)!),
      });
      const best = new Map<number, FuzzyHit>();
      for (const result of new Fuse(pairs, FUSE_OPTIONS, index).search(foldedQuery)) {
        const entry = entryOfPair[result.refIndex]!;
        const hit = { entry, score: result.score ?? 1, ...shownMatch(result.matches ?? []) };
        const known = best.get(entry);
        if (!known || known.score > hit.score || (known.score === hit.score && !known.matchedText)) best.set(entry, hit);
      }
      return [...best.values()].sort((a, b) => a.score - b.score || a.entry - b.entry).slice(0, wanted);
    },
  };
}

/** The name, term or keyword that matched, to show and mark; a summary is not shown. */
function shownMatch(matches: readonly FuseResultMatch[]): Pick<FuzzyHit, 'matchedText' | 'ranges'> {
  const match = matches.find((candidate) => candidate.key !== 'summary' && candidate.value);
  if (!match?.value) return {};
  return { matchedText: match.value, ranges: match.indices.map(([from, to]) => [from, to] as const) };
}

interface TripleIndex {
  /** The forms most similar to the query, best first, from at most `entryLimit` entries, none in `skip`. */
  closestForms(foldedQuery: string, formLimit: number, entryLimit: number, skip: ReadonlySet<number>): number[];
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
  // Shared-triple counts per form, zeroed again after each search: cheaper than a Map per keystroke.
  const shared = new Int32Array(forms.length);

  return {
    closestForms(foldedQuery, formLimit, entryLimit, skip) {
      const queryTriples = triplesOf(foldedQuery);
      const touched: number[] = [];
      for (const triple of queryTriples) {
        for (const formIndex of formsByTriple.get(triple) ?? []) {
          if (shared[formIndex] === 0) touched.push(formIndex);
          shared[formIndex]!++;
        }
      }
      const similar: { form: number; similarity: number }[] = [];
      for (const formIndex of touched) {
        const similarity = (2 * shared[formIndex]!) / (queryTriples.size + tripleCounts[formIndex]!);
        shared[formIndex] = 0;
        if (similarity >= MINIMUM_TRIPLE_SIMILARITY && !skip.has(forms[formIndex]!.entry)) similar.push({ form: formIndex, similarity });
      }
      similar.sort((a, b) => b.similarity - a.similarity || a.form - b.form);
      const chosen: number[] = [];
      const entries = new Set<number>();
      for (const { form } of similar) {
        if (chosen.length >= formLimit) break;
        const entry = forms[form]!.entry;
        if (!entries.has(entry) && entries.size >= entryLimit) continue;
        entries.add(entry);
        chosen.push(form);
      }
      return chosen;
    },
  };
}
