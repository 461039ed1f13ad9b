/**
 * Prefix lookups in sorted lists: what answers "names that start with what was typed" without
 * scanning every name. Lists are sorted in code-unit order (plain `<`), the order `startsWith`
 * agrees with; `localeCompare` does not.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index whose value is not below `key`. */
export function lowerBound<T>(sorted: readonly T[], key: string, valueOf: (item: T) => string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (valueOf(sorted[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Values of a sorted list of strings that start with `prefix` and are longer than it. */
export function longerStartingWith(sorted: readonly string[], prefix: string): string[] {
  const found: string[] = [];
  for (let index = lowerBound(sorted, prefix, (value) => value); index < sorted.length && sorted[index]!.startsWith(prefix); index++) {
    if (sorted[index] !== prefix) found.push(sorted[index]!);
  }
  return found;
}
