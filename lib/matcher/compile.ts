import { foldWords, normalizeForm } from './fold';
import type { FormRecord, TermData } from './types';

/**
 * All forms compiled into one trie over folded code units, walked once per word start (an
 * equivalent of Aho–Corasick for whole-word matching: no pass per term). Regular plurals are
 * added here rather than shipped in the data; possessives need nothing, since apostrophes fold
 * away ("ACL's" is "acls").
 */
export interface Matcher {
  readonly data: TermData;
  /** Transitions: key = node * CODE_SPACE + folded code. */
  readonly next: Map<number, number>;
  /** Accepting nodes → form indexes (longest first is decided by the walk). */
  readonly accept: Map<number, number[]>;
  /** Per form: its folded text with case kept and no separators, for exact-case checks. */
  readonly exactKeys: readonly (string | undefined)[];
  /** Per form: its cue words as a set, and the cue phrases of several words. */
  readonly cueWords: readonly (ReadonlySet<string> | undefined)[];
  readonly cuePhrases: readonly (readonly string[] | undefined)[];
  /** Per form: blocking phrases as word lists. */
  readonly blockedBefore: readonly (readonly (readonly string[])[] | undefined)[];
  readonly blockedAfter: readonly (readonly (readonly string[])[] | undefined)[];
}

export const CODE_SPACE = 0x10000;

/** "sprain" → ["sprains"], "injury" → ["injuries"], "brace" → ["braces"], "press" → ["presses"]. */
export function pluralsOf(folded: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(folded)) return [folded + 'es'];
  if (/[^aeiou]y$/.test(folded)) return [folded.slice(0, -1) + 'ies', folded + 's'];
  return [folded + 's'];
}

export function compileMatcher(data: TermData): Matcher {
  const next = new Map<number, number>();
  const accept = new Map<number, number[]>();
  let nodeCount = 1;

  const insert = (key: string, formIndex: number): void => {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const transition = node * CODE_SPACE + key.charCodeAt(i);
      let child = next.get(transition);
      if (child === undefined) {
        child = nodeCount++;
        next.set(transition, child);
      }
      node = child;
    }
    const forms = accept.get(node);
    if (!forms) accept.set(node, [formIndex]);
    else if (!forms.includes(formIndex)) forms.push(formIndex);
  };

  data.forms.forEach((form: FormRecord, index) => {
    const key = normalizeForm(form.text);
    if (!key) return;
    insert(key, index);
    for (const plural of pluralsOf(key)) insert(plural, index);
  });

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
    next,
    accept,
    exactKeys: data.forms.map((form) => (form.exact ? normalizeForm(form.text, true).replaceAll(' ', '') : undefined)),
    cueWords: data.forms.map((form) => (form.context ? cuesOf(form.context).words : undefined)),
    cuePhrases: data.forms.map((form) => (form.context ? cuesOf(form.context).phrases : undefined)),
    blockedBefore: data.forms.map((form) => toPhrases(form.before)),
    blockedAfter: data.forms.map((form) => toPhrases(form.after)),
  };
}
