import type { Entry } from './types';
import { CATEGORIES } from './vocabulary';

/**
 * Links both ways: writers list the entries they relate to, and the build adds, to every entry,
 * the entries that list it (a treatment learns the conditions it helps, an anatomy entry the
 * conditions that affect it) without anyone writing each link twice. Ordered by category
 * (conditions first), then name.
 */
export function addBacklinks(entries: readonly Entry[]): Entry[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const from = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const target of entry.related) {
      if (target === entry.id || !byId.has(target)) continue;
      const set = from.get(target) ?? new Set<string>();
      set.add(entry.id);
      from.set(target, set);
    }
  }
  const order = (id: string): [number, string] => {
    const entry = byId.get(id)!;
    return [CATEGORIES.indexOf(entry.category), entry.name.toLowerCase()];
  };
  return entries.map((entry) => {
    const linkedFrom = [...(from.get(entry.id) ?? [])]
      .filter((id) => !entry.related.includes(id))
      .sort((a, b) => {
        const [ca, na] = order(a);
        const [cb, nb] = order(b);
        return ca - cb || na.localeCompare(nb);
      });
    return { ...entry, linkedFrom };
  });
}
