import { normalizeForm } from '../matcher/fold';
import type { Entry } from '../kb/types';
import { foldWithOrigins, wordsOf, type FoldedWord } from './folded-text';

/**
 * Everything the search compares a query with, flattened into one list of short texts: each
 * entry's name, its terms and its lay keywords. Section text is never searched.
 */
export type FormField = 'name' | 'term' | 'keyword';

export interface SearchForm {
  readonly entry: number;
  readonly field: FormField;
  /** As written in the entry: what the UI shows and marks. */
  readonly text: string;
  readonly folded: string;
  readonly origins: readonly number[];
  /** Abbreviations in capitals ("CTS"): an exact-case query for them is the strongest hit. */
  readonly caseSensitive: boolean;
  /** Folded with case kept, for case-sensitive forms only. */
  readonly keepCase?: string;
  readonly words: readonly FoldedWord[];
  /** Words that are not stop words: the part of the form a query is expected to cover. */
  readonly significantWords: number;
}

/**
 * Words that carry no meaning for the search ("pain in MY leg"): dropped from queries and not
 * counted when deciding how much of a form a query covers. Direction words ("down", "up",
 * "back") stay: they tell "pain down the leg" from "leg pain".
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'do', 'for', 'from', 'i', 'im', 'in', 'is', 'it', 'its', 'me', 'my', 'of', 'on', 'or', 'the', 'to', 'with', 'your', 'you',
]);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Name, terms and keywords of every entry; a text repeated within an entry is kept once, at its strongest field. */
export function collectForms(entries: readonly Entry[]): SearchForm[] {
  const forms: SearchForm[] = [];
  entries.forEach((entry, index) => {
    const seen = new Set<string>();
    const add = (field: FormField, text: string, caseSensitive: boolean): void => {
      const form = createForm(index, field, text, caseSensitive);
      if (!form.folded || seen.has(form.folded)) return;
      seen.add(form.folded);
      forms.push(form);
    };
    add('name', entry.name, false);
    for (const term of entry.terms) add('term', term.text, term.caseSensitive === true);
    for (const keyword of entry.keywords) add('keyword', keyword, false);
  });
  return forms;
}

function createForm(entry: number, field: FormField, text: string, caseSensitive: boolean): SearchForm {
  const { folded, origins } = foldWithOrigins(text);
  const words = wordsOf(folded);
  return {
    entry,
    field,
    text,
    folded,
    origins,
    caseSensitive,
    ...(caseSensitive ? { keepCase: normalizeForm(text, true) } : {}),
    words,
    significantWords: Math.max(1, words.filter((word) => !isStopWord(word.text)).length),
  };
}
