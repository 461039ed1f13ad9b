import type { Category } from '../kb/vocabulary';
import { slugOf } from './slug';
import type { FormRecord, TermData } from './types';

/**
 * The wire format of `terms.json`: the content script's payload, so every byte counts. Forms are
 * grouped under their entry; a form without rules is a bare string, a form with rules a short
 * object. `unpackTermData` restores the `TermData` the matcher compiles.
 */
export interface PackedForm {
  readonly t: string;
  /** Exact case. */
  readonly x?: 1;
  /** Cue group indexes. */
  readonly c?: readonly number[];
  /** Blocked before / after. */
  readonly b?: readonly string[];
  readonly a?: readonly string[];
}

export interface PackedTermData {
  readonly v: 1;
  readonly cues: readonly (readonly string[])[];
  readonly weak?: readonly string[];
  /**
   * [id, name, category, forms]; the name is "" when it is the first form's text (with or without
   * rules), and the id is "" when it is the name made into a slug ("Carpal tunnel syndrome" →
   * "carpal-tunnel-syndrome").
   */
  readonly e: readonly (readonly [string, string, Category, readonly (string | PackedForm)[]])[];
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
            ...(form.before ? { b: form.before } : {}),
            ...(form.after ? { a: form.after } : {}),
          },
    );
  }
  return {
    v: 1,
    cues: data.cues,
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
        ...(item.b ? { before: item.b } : {}),
        ...(item.a ? { after: item.a } : {}),
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
    cues: packed.cues,
    ...(packed.weak ? { weakCues: packed.weak } : {}),
    forms,
  };
}
