import { pluralsOf } from '../matcher/compile';
import { normalizeForm } from '../matcher/fold';
import { entryLinks } from './markdown';
import type { KbProblem } from './parse';
import type { Entry, TermSpec } from './types';

/**
 * Checks across entries: unique ids, related ids and entry links that resolve, and unique
 * surface forms. A form may belong to two entries only when every owner declares it ambiguous
 * with a context rule. A form also clashes with another entry's form that is its plural, since
 * the matcher derives plurals.
 */
export function validateKb(entries: readonly Entry[], fileOf: (id: string) => string): KbProblem[] {
  const problems: KbProblem[] = [];
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push({ file: fileOf(entry.id), field: 'id', message: `"${entry.id}" is used by another entry` });
    ids.add(entry.id);
  }
  for (const entry of entries) {
    for (const related of entry.related) {
      if (!ids.has(related)) problems.push({ file: fileOf(entry.id), field: 'related', message: `"${related}" is not an entry id` });
    }
    for (const section of entry.sections) {
      for (const target of entryLinks(section.blocks)) {
        if (!ids.has(target)) problems.push({ file: fileOf(entry.id), field: `section "${section.title}"`, message: `link to unknown entry "${target}"` });
      }
    }
  }

  const owners = new Map<string, { entry: Entry; spec: TermSpec }[]>();
  for (const entry of entries) {
    for (const spec of entry.terms) {
      const key = normalizeForm(spec.text);
      const list = owners.get(key) ?? [];
      list.push({ entry, spec });
      owners.set(key, list);
    }
  }
  const reported = new Set<string>();
  const clash = (key: string, a: { entry: Entry; spec: TermSpec }, b: { entry: Entry; spec: TermSpec }, how: string): void => {
    if (a.entry.id === b.entry.id) return;
    if (a.spec.ambiguous && b.spec.ambiguous && a.spec.context && b.spec.context) return;
    if (a.spec.caseSensitive && b.spec.caseSensitive && a.spec.text !== b.spec.text) return;
    const pair = [a.entry.id, b.entry.id].sort().join('|') + key;
    if (reported.has(pair)) return;
    reported.add(pair);
    problems.push({
      file: fileOf(a.entry.id),
      field: `terms "${a.spec.text}"`,
      message: `${how} "${b.spec.text}" of ${b.entry.id}; give it to one entry, or mark both ambiguous with a context rule`,
    });
  };
  for (const [key, list] of owners) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) clash(key, list[i]!, list[j]!, 'is also the form');
    for (const plural of pluralsOf(key)) {
      for (const other of owners.get(plural) ?? []) for (const own of list) clash(plural, other, own, 'is the plural of the form');
    }
  }
  return problems;
}
