import { foldCode, foldWords, IGNORED, normalizeForm, SEPARATOR, TABLE_SIZE } from './fold';
import type { FormRecord, TermData } from './types';

/**
 * All forms compiled into one trie, walked once per word start (an equivalent of Aho–Corasick for
 * whole-word matching: no pass per term). Characters are first mapped to small symbol numbers
 * (only the characters that occur in some form get one), so a transition is one lookup of a
 * small-integer key, and a character no form contains ends the walk at once. Regular plurals are
 * added here rather than shipped in the data; possessives need nothing, since apostrophes fold
 * away ("ACL's" is "acls").
 */
export interface Matcher {
  readonly data: TermData;
  /** Symbol of each code unit below TABLE_SIZE: NO_SYMBOL, IGNORED_SYMBOL, SEPARATOR_SYMBOL or a letter's. */
  readonly symbols: Uint16Array;
  /** Symbols of folded code units at or above TABLE_SIZE. */
  readonly wideSymbols: ReadonlyMap<number, number>;
  /** Transitions: key = node * SYMBOL_SPACE + symbol. */
  readonly next: Map<number, number>;
  /** Per node: the forms that end there, if any. */
  readonly accept: readonly (readonly number[] | undefined)[];
  /** Per form: its folded text with case kept and no separators, for exact-case checks. */
  readonly exactKeys: readonly (string | undefined)[];
  /** Cue words that count half. */
  readonly weakCues: ReadonlySet<string>;
  /** Per form: its cue words as a set, and the cue phrases of several words. */
  readonly cueWords: readonly (ReadonlySet<string> | undefined)[];
  readonly cuePhrases: readonly (readonly string[] | undefined)[];
  /** Per form: blocking phrases as word lists. */
  readonly blockedBefore: readonly (readonly (readonly string[])[] | undefined)[];
  readonly blockedAfter: readonly (readonly (readonly string[])[] | undefined)[];
}

export const NO_SYMBOL = 0;
export const SEPARATOR_SYMBOL = 1;
export const IGNORED_SYMBOL = 0xffff;
/** Keys stay small integers (node * 1024 + symbol) for fast Map lookups. */
export const SYMBOL_SPACE = 1024;

/** "sprain" → ["sprains"], "injury" → ["injuries"], "brace" → ["braces"], "press" → ["presses"]. */
export function pluralsOf(folded: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(folded)) return [folded + 'es'];
  if (/[^aeiou]y$/.test(folded)) return [folded.slice(0, -1) + 'ies', folded + 's'];
  return [folded + 's'];
}

export function compileMatcher(data: TermData): Matcher {
  const symbolOfFolded = new Map<number, number>([[SEPARATOR, SEPARATOR_SYMBOL]]);
  const symbolFor = (folded: number): number => {
    let symbol = symbolOfFolded.get(folded);
    if (symbol === undefined) {
      symbol = symbolOfFolded.size + 1;
      if (symbol >= SYMBOL_SPACE) throw new Error('Too many distinct characters in the term data');
      symbolOfFolded.set(folded, symbol);
    }
    return symbol;
  };

  const next = new Map<number, number>();
  const accept: number[][] = [];
  let nodeCount = 1;
  const insert = (key: string, formIndex: number): void => {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const transition = node * SYMBOL_SPACE + symbolFor(key.charCodeAt(i));
      let child = next.get(transition);
      if (child === undefined) {
        child = nodeCount++;
        next.set(transition, child);
      }
      node = child;
    }
    const forms = (accept[node] ??= []);
    if (!forms.includes(formIndex)) forms.push(formIndex);
  };
  data.forms.forEach((form: FormRecord, index) => {
    const key = normalizeForm(form.text);
    if (!key) return;
    insert(key, index);
    for (const plural of pluralsOf(key)) insert(plural, index);
  });
  accept.length = nodeCount;

  const symbols = new Uint16Array(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) {
    const folded = foldCode(code);
    symbols[code] = folded === IGNORED ? IGNORED_SYMBOL : (symbolOfFolded.get(folded) ?? NO_SYMBOL);
  }
  const wideSymbols = new Map([...symbolOfFolded].filter(([folded]) => folded >= TABLE_SIZE));

  // One set of cue words per distinct combination of groups, shared by the forms that use it.
  const cueCache = new Map<string, { words: Set<string>; phrases: string[] }>();
  const cuesOf = (groups: readonly number[]) => {
    const key = groups.join(',');
    let cues = cueCache.get(key);
    if (!cues) {
      const all = groups.flatMap((group) => data.cues[group] ?? []);
      cues = { words: new Set(all.filter((word) => !word.includes(' '))), phrases: all.filter((word) => word.includes(' ')) };
      cueCache.set(key, cues);
    }
    return cues;
  };
  const toPhrases = (phrases: readonly string[] | undefined) =>
    phrases && phrases.length > 0 ? phrases.map((phrase) => foldWords(phrase)) : undefined;

  return {
    data,
    symbols,
    wideSymbols,
    next,
    accept,
    weakCues: new Set(data.weakCues ?? []),
    exactKeys: data.forms.map((form) => (form.exact ? normalizeForm(form.text, true).replaceAll(' ', '') : undefined)),
    cueWords: data.forms.map((form) => (form.context ? cuesOf(form.context).words : undefined)),
    cuePhrases: data.forms.map((form) => (form.context ? cuesOf(form.context).phrases : undefined)),
    blockedBefore: data.forms.map((form) => toPhrases(form.before)),
    blockedAfter: data.forms.map((form) => toPhrases(form.after)),
  };
}

/** The symbol of any code unit. */
export function symbolOf(matcher: Matcher, code: number): number {
  if (code < TABLE_SIZE) return matcher.symbols[code]!;
  const folded = foldCode(code);
  if (folded === IGNORED) return IGNORED_SYMBOL;
  if (folded === SEPARATOR) return SEPARATOR_SYMBOL;
  return matcher.wideSymbols.get(folded) ?? NO_SYMBOL;
}
