import { normalizeForm } from '../matcher/fold';
import type { Entry } from '../kb/types';
import { closestForms } from './closest';
import { toOriginalRanges, wordsOf } from './folded-text';
import { collectForms, type SearchForm } from './forms';
import { createFuzzyIndex, type FuzzyIndex } from './fuzzy';
import { POPULAR_ENTRY_IDS } from './popular';
import { compareCodeUnits, lowerBound } from './sorted-list';
import { createVocabulary, type Vocabulary } from './vocabulary';
import { findWordHits, queryWordsOf } from './word-pass';

/**
 * One ranking for the popup, the side panel and `cli search`, in four passes, each answering
 * only what the ones before left open, so a keystroke usually stops early:
 *
 * 1. exact: the whole query is a name, term or abbreviation (a map lookup); an abbreviation
 *    typed in its own case ("CTS") first;
 * 2. prefix: names and terms that start with the query, shortest completion first (a binary
 *    search in a sorted list);
 * 3. words: every query word is a word, a stem, a sound-alike, the start or a near-miss of a word
 *    of one name, term or lay keyword ("tingling in hands", "frozen sholder"), in any order;
 * 4. fuzzy: fuse.js over the names, terms, keywords and summaries that share the most letter
 *    triples with the query ("carpaltunnel").
 *
 * Scores only grow from one pass to the next. Commonly looked-up entries win ties.
 */
export interface SearchHit {
  readonly entry: Entry;
  /** Lower is better: 0 for an abbreviation typed in its own case, below 0.1 for exact hits, then by pass. */
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
 * spaces, other control characters and tags dropped. The query is only compared, never rendered
 * or parsed, so markup is harmless; tags go because a snippet pasted from a page
 * ("<b>sciatica</b>") means its text.
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

/** Everything precomputed once per knowledge base. */
interface SearchTables {
  readonly entries: readonly Entry[];
  readonly forms: readonly SearchForm[];
  /** Names and terms only: what exact, prefix and "did you mean" compare with. */
  readonly nameAndTermForms: readonly number[];
  readonly nameAndTermFormsByFolded: ReadonlyMap<string, readonly number[]>;
  readonly nameAndTermFormsInFoldedOrder: readonly number[];
  readonly formsOfEntry: readonly (readonly number[])[];
  readonly vocabulary: Vocabulary;
  readonly fuzzy: FuzzyIndex;
  readonly entryIndexById: ReadonlyMap<string, number>;
  /** Rank in POPULAR_ENTRY_IDS of the entries listed there. */
  readonly popularity: ReadonlyMap<number, number>;
}

/** A hit before it is tied to its entry object. */
interface Candidate {
  readonly entry: number;
  readonly score: number;
  readonly how: SearchHit['how'];
  readonly matchedText?: string;
  readonly ranges?: readonly (readonly [number, number])[];
}

export function createSearchIndex(entries: readonly Entry[]): SearchIndex {
  const tables = buildTables(entries);
  return {
    entries,
    byId: (id) => entryById(tables, id),
    search: (query, limit = 10) => search(tables, prepareQuery(query), Math.floor(limit)),
    popular: (limit = 10) => popular(tables, Math.floor(limit)),
    closest: (query, limit = 5) => closest(tables, prepareQuery(query), Math.floor(limit)),
  };
}

function buildTables(entries: readonly Entry[]): SearchTables {
  const forms = collectForms(entries);
  const nameAndTermForms = forms.flatMap((form, index) => (form.field === 'keyword' ? [] : [index]));
  const formsOfEntry = entries.map((): number[] => []);
  forms.forEach((form, index) => formsOfEntry[form.entry]!.push(index));
  const entryIndexById = new Map(entries.map((entry, index) => [entry.id, index]));
  return {
    entries,
    forms,
    nameAndTermForms,
    nameAndTermFormsByFolded: groupByFolded(forms, nameAndTermForms),
    nameAndTermFormsInFoldedOrder: [...nameAndTermForms].sort((a, b) => compareCodeUnits(forms[a]!.folded, forms[b]!.folded)),
    formsOfEntry,
    vocabulary: createVocabulary(forms),
    fuzzy: createFuzzyIndex(entries, forms),
    entryIndexById,
    popularity: popularityRanks(entryIndexById),
  };
}

function search(tables: SearchTables, query: PreparedQuery, limit: number): SearchHit[] {
  if (!query.folded || !(limit > 0)) return [];
  const hits: Candidate[] = [];
  const found = new Set<number>();
  const take = (candidates: readonly Candidate[]): void => {
    for (const candidate of rank(tables, candidates)) {
      if (hits.length >= limit) return;
      if (found.has(candidate.entry)) continue;
      found.add(candidate.entry);
      hits.push(candidate);
    }
  };
  take(exactCandidates(tables, query));
  if (hits.length < limit) take(prefixCandidates(tables, query));
  if (hits.length < limit) take(wordCandidates(tables, query));
  if (hits.length < limit) take(fuzzyCandidates(tables, query, limit - hits.length, found));
  return hits.map(({ entry, ...hit }) => ({ entry: tables.entries[entry]!, ...hit }));
}

function exactCandidates(tables: SearchTables, query: PreparedQuery): Candidate[] {
  return (tables.nameAndTermFormsByFolded.get(query.folded) ?? []).map((formIndex) => {
    const form = tables.forms[formIndex]!;
    return { entry: form.entry, score: exactScore(form, query), how: 'exact', ...shownForm(form, [[0, form.folded.length]]) };
  });
}

function prefixCandidates(tables: SearchTables, query: PreparedQuery): Candidate[] {
  const { forms, nameAndTermFormsInFoldedOrder: sorted } = tables;
  const candidates: Candidate[] = [];
  for (let position = lowerBound(sorted, query.folded, (formIndex) => forms[formIndex]!.folded); position < sorted.length; position++) {
    const form = forms[sorted[position]!]!;
    if (!form.folded.startsWith(query.folded)) break;
    if (form.folded === query.folded) continue;
    candidates.push({
      entry: form.entry,
      score: PASS_SCORE.prefix + prefixCost(form, query) - popularBonus(tables, form.entry),
      how: 'prefix',
      ...shownForm(form, [[0, query.folded.length]]),
    });
  }
  return candidates;
}

function wordCandidates(tables: SearchTables, query: PreparedQuery): Candidate[] {
  const queryWords = queryWordsOf(query.words, tables.vocabulary);
  if (!queryWords) return [];
  return findWordHits(queryWords, tables.forms, tables.formsOfEntry, tables.vocabulary, query.hasCapitals).map((hit) => ({
    entry: hit.entry,
    score: PASS_SCORE.words + hit.score - popularBonus(tables, hit.entry),
    how: 'words',
    ...shownForm(tables.forms[hit.form]!, hit.foldedRanges),
  }));
}

function fuzzyCandidates(tables: SearchTables, query: PreparedQuery, wanted: number, found: ReadonlySet<number>): Candidate[] {
  return tables.fuzzy.search(query.folded, wanted, found).map((hit) => ({ ...hit, score: PASS_SCORE.fuzzy + hit.score, how: 'fuzzy' }));
}

function popular(tables: SearchTables, limit: number): Entry[] {
  if (!(limit > 0)) return [];
  return [...tables.popularity.entries()]
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([entry]) => tables.entries[entry]!);
}

function closest(tables: SearchTables, query: PreparedQuery, limit: number): SearchHit[] {
  if (!query.folded || !(limit > 0)) return [];
  return closestForms(query.folded, tables.forms, tables.nameAndTermForms)
    .slice(0, limit)
    .map(({ form, distance }) => ({
      entry: tables.entries[tables.forms[form]!.entry]!,
      score: PASS_SCORE.closest + distance,
      how: 'fuzzy' as const,
      matchedText: tables.forms[form]!.text,
    }));
}

function entryById(tables: SearchTables, id: string): Entry | undefined {
  const index = tables.entryIndexById.get(id);
  return index === undefined ? undefined : tables.entries[index];
}

/** Best hit per entry, best first; ties go to popular entries, then to shorter names. */
function rank(tables: SearchTables, candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<number, Candidate>();
  for (const candidate of candidates) {
    const known = best.get(candidate.entry);
    if (!known || known.score > candidate.score) best.set(candidate.entry, candidate);
  }
  const popularity = (entry: number): number => tables.popularity.get(entry) ?? Infinity;
  return [...best.values()].sort(
    (a, b) =>
      a.score - b.score ||
      popularity(a.entry) - popularity(b.entry) ||
      tables.entries[a.entry]!.name.length - tables.entries[b.entry]!.name.length ||
      a.entry - b.entry,
  );
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

/** Someone typing "carp" more likely wants carpal tunnel syndrome than the carpal ligament. */
function popularBonus(tables: SearchTables, entry: number): number {
  return tables.popularity.has(entry) ? POPULAR_BONUS : 0;
}

/** The form's text and its folded ranges as ranges of that text. */
function shownForm(form: SearchForm, foldedRanges: readonly (readonly [number, number])[]): Pick<Candidate, 'matchedText' | 'ranges'> {
  return { matchedText: form.text, ranges: toOriginalRanges(form.origins, foldedRanges) };
}

function groupByFolded(forms: readonly SearchForm[], formIndexes: readonly number[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const formIndex of formIndexes) {
    const folded = forms[formIndex]!.folded;
    groups.set(folded, [...(groups.get(folded) ?? []), formIndex]);
  }
  return groups;
}

function popularityRanks(entryIndexById: ReadonlyMap<string, number>): Map<number, number> {
  const ranks = new Map<number, number>();
  POPULAR_ENTRY_IDS.forEach((id, rank) => {
    const index = entryIndexById.get(id);
    if (index !== undefined && !ranks.has(index)) ranks.set(index, rank);
  });
  return ranks;
}
