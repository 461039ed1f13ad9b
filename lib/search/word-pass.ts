import { isStopWord, type FormField, type SearchForm } from './forms';
import type { FoldedWord } from './folded-text';
import type { Vocabulary, WordCandidate } from './vocabulary';

/**
 * The word-level pass: lay queries ("tingling in hands", "pain down my leg", "frozen sholder")
 * whose words all appear, in any order, in one name, term or keyword of an entry. Each query
 * word may be the same word, its plural, the start of a word, or a word with a typo. Scores
 * grow with doubt: a keyword counts less than a name or a term, a form the query covers only in
 * part less than one it covers whole.
 */
export interface WordHit {
  readonly entry: number;
  readonly form: number;
  readonly score: number;
  /** Folded ranges `[start, end)` of the matched words in the form. */
  readonly foldedRanges: readonly (readonly [number, number])[];
}

const FIELD_PENALTY: Record<FormField, number> = { name: 0, term: 0.03, keyword: 0.12 };
const UNCOVERED_PENALTY = 0.25;
/** An abbreviation matched by a lowercase word ("pin" for PIN) is weak evidence. */
const CASE_MISMATCH_PENALTY = 0.15;
/** Query words spread over several forms of one entry: a weaker hit than one form covering them all. */
const SPREAD_PENALTY = 0.35;

interface QueryWord {
  readonly candidates: ReadonlyMap<string, WordCandidate>;
}

interface WordMatch {
  readonly cost: number;
  readonly word: FoldedWord;
  readonly markedLength: number;
}

/** Significant words of the query with what each may stand for; undefined when a word matches nothing at all. */
export function queryWordsOf(words: readonly string[], vocabulary: Vocabulary): QueryWord[] | undefined {
  const significant = words.filter((word) => !isStopWord(word));
  if (significant.length === 0) return undefined;
  const queryWords = significant.map((word, index) => ({ candidates: vocabulary.candidates(word, index === significant.length - 1) }));
  return queryWords.every((word) => word.candidates.size > 0) ? queryWords : undefined;
}

export function findWordHits(
  queryWords: readonly QueryWord[],
  forms: readonly SearchForm[],
  formsOfEntry: readonly (readonly number[])[],
  vocabulary: Vocabulary,
  caseSensitiveQuery: boolean,
): WordHit[] {
  // Start from the query word with the fewest occurrences: every hit must contain it.
  const counts = queryWords.map((word) => postingCount(word, vocabulary));
  const driver = queryWords[counts.indexOf(Math.min(...counts))]!;
  const candidateForms = new Set<number>();
  for (const word of driver.candidates.keys()) for (const posting of vocabulary.postings(word)) candidateForms.add(posting.form);

  const best = new Map<number, WordHit>();
  const offer = (hit: WordHit): void => {
    const known = best.get(hit.entry);
    if (!known || known.score > hit.score) best.set(hit.entry, hit);
  };
  const entriesToSpread = new Set<number>();
  for (const formIndex of candidateForms) {
    const form = forms[formIndex]!;
    const hit = formHit(form, formIndex, queryWords, caseSensitiveQuery);
    if (hit) offer(hit);
    else if (queryWords.length > 1) entriesToSpread.add(form.entry);
  }
  for (const entry of entriesToSpread) {
    if (best.has(entry)) continue;
    const hit = spreadHit(entry, formsOfEntry[entry]!, forms, queryWords, caseSensitiveQuery);
    if (hit) offer(hit);
  }
  return [...best.values()];
}

function postingCount(word: QueryWord, vocabulary: Vocabulary): number {
  let count = 0;
  for (const candidate of word.candidates.keys()) count += vocabulary.postings(candidate).length;
  return count;
}

/** A hit when every query word matches a word of this one form. */
function formHit(form: SearchForm, formIndex: number, queryWords: readonly QueryWord[], caseSensitiveQuery: boolean): WordHit | undefined {
  const matches: WordMatch[] = [];
  for (const queryWord of queryWords) {
    const match = bestMatchIn(form, queryWord);
    if (!match) return undefined;
    matches.push(match);
  }
  const coveredWords = new Set(matches.map((match) => match.word.start)).size;
  const coverage = Math.min(1, coveredWords / form.significantWords);
  const score =
    meanCost(matches) +
    FIELD_PENALTY[form.field] +
    UNCOVERED_PENALTY * (1 - coverage) +
    (form.caseSensitive && !caseSensitiveQuery ? CASE_MISMATCH_PENALTY : 0);
  return { entry: form.entry, form: formIndex, score, foldedRanges: rangesOf(matches) };
}

/** A weaker hit when the query words are found across several forms of one entry ("sciatica leg pain"). */
function spreadHit(
  entry: number,
  formIndexes: readonly number[],
  forms: readonly SearchForm[],
  queryWords: readonly QueryWord[],
  caseSensitiveQuery: boolean,
): WordHit | undefined {
  let totalCost = 0;
  const matchesPerForm = new Map<number, WordMatch[]>();
  for (const queryWord of queryWords) {
    let best: { form: number; match: WordMatch; cost: number } | undefined;
    for (const formIndex of formIndexes) {
      const form = forms[formIndex]!;
      const match = bestMatchIn(form, queryWord);
      if (!match) continue;
      const cost = match.cost + FIELD_PENALTY[form.field] + (form.caseSensitive && !caseSensitiveQuery ? CASE_MISMATCH_PENALTY : 0);
      if (!best || cost < best.cost) best = { form: formIndex, match, cost };
    }
    if (!best) return undefined;
    totalCost += best.cost;
    matchesPerForm.set(best.form, [...(matchesPerForm.get(best.form) ?? []), best.match]);
  }
  // Mark the form that holds most of the query: the UI shows one text per hit.
  const [shownForm, shownMatches] = [...matchesPerForm].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0]!;
  return { entry, form: shownForm, score: SPREAD_PENALTY + totalCost / queryWords.length, foldedRanges: rangesOf(shownMatches) };
}

function bestMatchIn(form: SearchForm, queryWord: QueryWord): WordMatch | undefined {
  let best: WordMatch | undefined;
  for (const word of form.words) {
    const candidate = queryWord.candidates.get(word.text);
    if (candidate && (!best || candidate.cost < best.cost)) best = { cost: candidate.cost, word, markedLength: candidate.markedLength };
  }
  return best;
}

function meanCost(matches: readonly WordMatch[]): number {
  return matches.reduce((sum, match) => sum + match.cost, 0) / matches.length;
}

function rangesOf(matches: readonly WordMatch[]): [number, number][] {
  const byStart = new Map<number, [number, number]>();
  for (const { word, markedLength } of matches) {
    const end = word.start + Math.min(markedLength, word.end - word.start);
    const known = byStart.get(word.start);
    if (!known || known[1] < end) byStart.set(word.start, [word.start, end]);
  }
  return [...byStart.values()].sort((a, b) => a[0] - b[0]);
}
