import { normalizeForm } from '../matcher/fold';
import type { Entry } from '../kb/types';
import { closestForms } from './closest';
import { toOriginalRanges, wordsOf } from './folded-text';
import { collectForms, type SearchForm } from './forms';
import { createFuzzyIndex } from './fuzzy';
import { POPULAR_ENTRY_IDS } from './popular';
import { createVocabulary, lowerBound } from './vocabulary';
import { findWordHits, queryWordsOf } from './word-pass';

/**
 * One ranking for the popup, the side panel and `cli search`, in four passes, each answering
 * only what the ones before left open, so a keystroke usually stops early:
 *
 * 1. exact: the whole query is a name, term or abbreviation (a map lookup); an abbreviation
 *    typed in its own case ("CTS") first;
 * 2. prefix: names and terms that start with the query, shortest completion first (a binary
 *    search in a sorted list);
 * 3. words: every query word is a word, a plural, the start of a word or a near-miss of a word
 *    of one name, term or lay keyword ("tingling in hands", "frozen sholder");
 * 4. fuzzy: fuse.js over names, terms, keywords and summaries of the few entries that share
 *    letter triples with the query ("carpaltunnel", "plantr fashitis").
 *
 * Scores only grow from one pass to the next. Commonly looked-up entries win ties.
 */
export interface SearchHit {
  readonly entry: Entry;
  /** Lower is better: 0 for an exact-case abbreviation, below 0.1 for exact hits, then by pass. */
  readonly score: number;
  readonly how: 'exact' | 'prefix' | 'words' | 'fuzzy';
  /** The name, term or keyword that matched, and the matched character ranges in it (inclusive). */
  readonly matchedText?: string;
  readonly ranges?: readonly (readonly [number, number])[];
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  /** What to show before anything is typed: commonly looked-up entries, in a fixed order. */
  popular(limit?: number): Entry[];
  /** "Did you mean…" for a query the search finds nothing for: the nearest names and terms. */
  closest(query: string, limit?: number): SearchHit[];
  readonly entries: readonly Entry[];
  byId(id: string): Entry | undefined;
}

/** Longer queries are cut: nobody types a name this long, and every pass costs more per letter. */
export const MAX_QUERY_LENGTH = 100;

const PASS_SCORE = { prefix: 0.1, words: 0.4, fuzzy: 2, closest: 3 } as const;
const EXACT_SCORE = { abbreviationInItsCase: 0, name: 0.01, term: 0.02, abbreviationInOtherCase: 0.03 } as const;
const PREFIX_COST = { perUntypedLetter: 0.002, mostUntypedLetters: 50, term: 0.004, abbreviationInOtherCase: 0.1 } as const;
const POPULAR_BONUS = 0.01;

export interface PreparedQuery {
  /** Folded like every form: lowercase, no accents, no apostrophes, single spaces. */
  readonly folded: string;
  /** Folded with case kept, to recognise an abbreviation typed in its own case. */
  readonly keepCase: string;
  readonly words: readonly string[];
  readonly hasCapitals: boolean;
}

/**
 * A query as the passes read it: at most MAX_QUERY_LENGTH characters, line breaks and tabs as
 * spaces, other control characters and tags dropped. The query is only ever compared, never rendered or parsed, so markup is harmless;
 * tags are dropped because a snippet pasted from a page ("<b>sciatica</b>") means its text.
 */
export function prepareQuery(query: string): PreparedQuery {
  const text = String(query)
    .slice(0, MAX_QUERY_LENGTH)
    .replace(/[\t\n\r\f\v]/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(/<\/?[a-z][^<>]*>/gi, ' ');
  const folded = normalizeForm(text);
  const keepCase = normalizeForm(text, true);
  return { folded, keepCase, words: wordsOf(folded).map((word) => word.text), hasCapitals: keepCase !== folded };
}

interface Candidate {
  readonly entry: number;
  readonly score: number;
  readonly how: SearchHit['how'];
  readonly matchedText?: string;
  readonly ranges?: readonly (readonly [number, number])[];
}

export function createSearchIndex(entries: readonly Entry[]): SearchIndex {
  const forms = collectForms(entries);
  const nameAndTermForms = forms.flatMap((form, index) => (form.field === 'keyword' ? [] : [index]));
  const formsByFolded = groupFormsByFolded(forms, nameAndTermForms);
  const formsInFoldedOrder = [...nameAndTermForms].sort((a, b) => compareText(forms[a]!.folded, forms[b]!.folded));
  const formsOfEntry = entries.map((): number[] => []);
  forms.forEach((form, index) => formsOfEntry[form.entry]!.push(index));
  const vocabulary = createVocabulary(forms);
  const fuzzy = createFuzzyIndex(entries, forms);
  const ids = new Map(entries.map((entry, index) => [entry.id, index]));
  const popularity = popularityRanks(ids);

  const bonus = (entry: number): number => (popularity.has(entry) ? POPULAR_BONUS : 0);
  const matchOf = (formIndex: number, foldedRanges: readonly (readonly [number, number])[]): Pick<Candidate, 'matchedText' | 'ranges'> => {
    const form = forms[formIndex]!;
    return { matchedText: form.text, ranges: toOriginalRanges(form.origins, foldedRanges) };
  };

  const exactCandidates = (query: PreparedQuery): Candidate[] =>
    (formsByFolded.get(query.folded) ?? []).map((formIndex) => ({
      entry: forms[formIndex]!.entry,
      score: exactScore(forms[formIndex]!, query),
      how: 'exact',
      ...matchOf(formIndex, [[0, forms[formIndex]!.folded.length]]),
    }));

  const prefixCandidates = (query: PreparedQuery): Candidate[] => {
    const candidates: Candidate[] = [];
    const start = lowerBound(formsInFoldedOrder, query.folded, (formIndex) => forms[formIndex]!.folded);
    for (let position = start; position < formsInFoldedOrder.length; position++) {
      const formIndex = formsInFoldedOrder[position]!;
      const form = forms[formIndex]!;
      if (!form.folded.startsWith(query.folded)) break;
      if (form.folded === query.folded) continue;
      candidates.push({
        entry: form.entry,
        score: PASS_SCORE.prefix + prefixCost(form, query) - bonus(form.entry),
        how: 'prefix',
        ...matchOf(formIndex, [[0, query.folded.length]]),
      });
    }
    return candidates;
  };

  const wordCandidates = (query: PreparedQuery): Candidate[] => {
    const queryWords = queryWordsOf(query.words, vocabulary);
    if (!queryWords) return [];
    return findWordHits(queryWords, forms, formsOfEntry, vocabulary, query.hasCapitals).map((hit) => ({
      entry: hit.entry,
      score: PASS_SCORE.words + hit.score - bonus(hit.entry),
      how: 'words',
      ...matchOf(hit.form, hit.foldedRanges),
    }));
  };

  const fuzzyCandidates = (query: PreparedQuery, wanted: number, found: ReadonlySet<number>): Candidate[] =>
    fuzzy.search(query.folded, wanted, found).map((hit) => ({ ...hit, score: PASS_SCORE.fuzzy + hit.score, how: 'fuzzy' }));

  const rank = (candidates: readonly Candidate[]): Candidate[] =>
    bestPerEntry(candidates).sort(
      (a, b) =>
        a.score - b.score ||
        (popularity.get(a.entry) ?? Infinity) - (popularity.get(b.entry) ?? Infinity) ||
        entries[a.entry]!.name.length - entries[b.entry]!.name.length ||
        a.entry - b.entry,
    );

  return {
    entries,
    byId: (id) => {
      const index = ids.get(id);
      return index === undefined ? undefined : entries[index];
    },

    search(rawQuery, limit = 10) {
      const wanted = Math.floor(limit);
      const query = prepareQuery(rawQuery);
      if (!query.folded || !(wanted > 0)) return [];
      const hits: Candidate[] = [];
      const found = new Set<number>();
      const take = (candidates: readonly Candidate[]): void => {
        for (const candidate of rank(candidates)) {
          if (hits.length >= wanted) return;
          if (found.has(candidate.entry)) continue;
          found.add(candidate.entry);
          hits.push(candidate);
        }
      };
      take(exactCandidates(query));
      if (hits.length < wanted) take(prefixCandidates(query));
      if (hits.length < wanted) take(wordCandidates(query));
      if (hits.length < wanted) take(fuzzyCandidates(query, wanted - hits.length, found));
      return hits.map(({ entry, ...hit }) => ({ entry: entries[entry]!, ...hit }));
    },

    popular(limit = 10) {
      return POPULAR_ENTRY_IDS.flatMap((id) => {
        const index = ids.get(id);
        return index === undefined ? [] : [entries[index]!];
      }).slice(0, Math.max(0, Math.floor(limit)));
    },

    closest(rawQuery, limit = 5) {
      const query = prepareQuery(rawQuery);
      if (!query.folded || !(limit > 0)) return [];
      return closestForms(query.folded, forms, nameAndTermForms)
        .slice(0, Math.floor(limit))
        .map(({ form, distance }) => ({
          entry: entries[forms[form]!.entry]!,
          score: PASS_SCORE.closest + distance,
          how: 'fuzzy' as const,
          matchedText: forms[form]!.text,
        }));
    },
  };
}

function exactScore(form: SearchForm, query: PreparedQuery): number {
  if (form.caseSensitive) return form.keepCase === query.keepCase ? EXACT_SCORE.abbreviationInItsCase : EXACT_SCORE.abbreviationInOtherCase;
  return form.field === 'name' ? EXACT_SCORE.name : EXACT_SCORE.term;
}

/** Shortest completion first; a name before a term; an abbreviation started in another case ("ac" for ACL) last. */
function prefixCost(form: SearchForm, query: PreparedQuery): number {
  const untyped = Math.min(form.folded.length - query.folded.length, PREFIX_COST.mostUntypedLetters);
  const caseMismatch = form.caseSensitive && !form.keepCase!.startsWith(query.keepCase);
  return untyped * PREFIX_COST.perUntypedLetter + (form.field === 'term' ? PREFIX_COST.term : 0) + (caseMismatch ? PREFIX_COST.abbreviationInOtherCase : 0);
}

function bestPerEntry(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<number, Candidate>();
  for (const candidate of candidates) {
    const known = best.get(candidate.entry);
    if (!known || known.score > candidate.score) best.set(candidate.entry, candidate);
  }
  return [...best.values()];
}

function groupFormsByFolded(forms: readonly SearchForm[], formIndexes: readonly number[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const formIndex of formIndexes) {
    const folded = forms[formIndex]!.folded;
    groups.set(folded, [...(groups.get(folded) ?? []), formIndex]);
  }
  return groups;
}

function popularityRanks(ids: ReadonlyMap<string, number>): Map<number, number> {
  const ranks = new Map<number, number>();
  POPULAR_ENTRY_IDS.forEach((id, rank) => {
    const index = ids.get(id);
    if (index !== undefined && !ranks.has(index)) ranks.set(index, rank);
  });
  return ranks;
}

/** Code-unit order, the order `lowerBound` and `startsWith` agree with (localeCompare does not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
