import { editDistanceWithin, TOO_FAR } from './edit-distance';
import type { SearchForm } from './forms';

/**
 * "Did you mean…": when the search finds nothing, the names and terms nearest to the whole
 * query by edit distance, allowing far more typos than the search does (up to half the letters).
 */
export interface ClosestForm {
  readonly form: number;
  /** Edit distance over the longer of the two lengths: 0 is the same text. */
  readonly distance: number;
}

/** Names are short: a longer query is no name misspelt, and the table grows with its square. */
const LONGEST_COMPARED_QUERY = 40;
const MOST_TYPOS_PER_LETTER = 0.5;

/** The nearest form of each entry, nearest first. */
export function closestForms(foldedQuery: string, forms: readonly SearchForm[], formIndexes: readonly number[]): ClosestForm[] {
  const query = foldedQuery.slice(0, LONGEST_COMPARED_QUERY);
  const max = Math.floor(query.length * MOST_TYPOS_PER_LETTER);
  if (max === 0) return [];
  const bestOfEntry = new Map<number, ClosestForm>();
  for (const formIndex of formIndexes) {
    const form = forms[formIndex]!;
    const edits = editDistanceWithin(query, form.folded, max);
    if (edits === TOO_FAR) continue;
    const distance = edits / Math.max(query.length, form.folded.length);
    const known = bestOfEntry.get(form.entry);
    if (!known || known.distance > distance) bestOfEntry.set(form.entry, { form: formIndex, distance });
  }
  return [...bestOfEntry.values()].sort((a, b) => a.distance - b.distance || a.form - b.form);
}
