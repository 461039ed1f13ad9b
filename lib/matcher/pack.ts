import type { Category } from '../kb/vocabulary';
import { slugOf } from './slug';
import type { FormRecord, TermData } from './types';

/**
 * The wire format of `terms.json`: the content script's payload, so every byte counts. Forms are
 * grouped under their entry; a form without rules is a bare string, a form with rules a short
 * object; lists of words (cue groups, blocking words) are one string, joined by "|" (no quotes and
 * commas per word). `unpackTermData` restores the `TermData` the matcher compiles.
 */
export interface PackedForm {
  readonly t: string;
  /** Exact case. */
  readonly x?: 1;
  /** Cue group indexes. */
  readonly c?: readonly number[];
  /** Blocked before / after, joined by "|". */
  readonly b?: string;
  readonly a?: string;
}

export interface PackedTermData {
  readonly v: 1;
  /** Each cue group's words and phrases, joined by "|". */
  readonly cues: readonly string[];
  readonly weak?: readonly string[];
  /**
   * [id, name, category, forms]; the name is "" when it is the first form's text (with or without
   * rules), and the id is "" when it is the name made into a slug ("Carpal tunnel syndrome" →
   * "carpal-tunnel-syndrome").
   */
  readonly e: readonly (readonly [string, string, Category, readonly (string | PackedForm)[]])[];
}

const LIST_SEPARATOR = '|';

function joinWords(words: readonly string[]): string {
  if (words.some((word) => word.includes(LIST_SEPARATOR) || word === '')) throw new Error(`A cue or blocking word holds "${LIST_SEPARATOR}" or is empty: ${words.join(', ')}`);
  return words.join(LIST_SEPARATOR);
}

export function packTermData(data: TermData): PackedTermData {
  const formsOf = data.entries.map(() => [] as (string | PackedForm)[]);
  for (const form of data.forms) {
    const plain = !form.exact && form.context === undefined && !form.before && !form.after;
    formsOf[form.entry]!.push(
      plain
        ? form.text
        : {
            t: form.text,
            ...(form.exact ? { x: 1 as const } : {}),
            ...(form.context !== undefined ? { c: form.context } : {}),
            ...(form.before ? { b: joinWords(form.before) } : {}),
            ...(form.after ? { a: joinWords(form.after) } : {}),
          },
    );
  }
  return {
    v: 1,
    cues: data.cues.map(joinWords),
    ...(data.weakCues ? { weak: data.weakCues } : {}),
    e: data.entries.map(([id, name, category], index) => {
      const forms = formsOf[index]!;
      const first = forms[0];
      const firstText = typeof first === 'string' ? first : first?.t;
      return [id === slugOf(name) ? '' : id, firstText === name ? '' : name, category, forms] as const;
    }),
  };
}

export function unpackTermData(packed: PackedTermData): TermData {
  const forms: FormRecord[] = [];
  packed.e.forEach(([, , , list], entry) => {
    for (const item of list) {
      if (typeof item === 'string') {
        forms.push({ text: item, entry });
        continue;
      }
      forms.push({
        text: item.t,
        entry,
        ...(item.x ? { exact: true as const } : {}),
        ...(item.c !== undefined ? { context: item.c } : {}),
        ...(item.b ? { before: item.b.split(LIST_SEPARATOR) } : {}),
        ...(item.a ? { after: item.a.split(LIST_SEPARATOR) } : {}),
      });
    }
  });
  return {
    version: 1,
    entries: packed.e.map(([id, name, category, list]) => {
      const first = list[0];
      const fullName = name || (typeof first === 'string' ? first : (first?.t ?? ''));
      return [id || slugOf(fullName), fullName, category] as const;
    }),
    cues: packed.cues.map((group) => (group === '' ? [] : group.split(LIST_SEPARATOR))),
    ...(packed.weak ? { weakCues: packed.weak } : {}),
    forms,
  };
}
