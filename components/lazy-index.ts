import type { Entry } from '../lib/kb/types';
import { createSearchIndex, type SearchIndex } from '../lib/search/search';

export interface LazySearchIndex extends SearchIndex {
  /** Is the full index built yet? Until then `popular` and `closest` would build it. */
  readonly ready: boolean;
  /** Builds the index now if it is not built yet (call it after first paint). */
  warm(): void;
}

/**
 * A search index that is built on first use: a page paints first and builds the index on the first
 * keystroke or when idle (building it takes tens of milliseconds the popup should not wait for).
 * `entries` and `byId` never need the index.
 */
export function lazySearchIndex(entries: readonly Entry[]): LazySearchIndex {
  let built: SearchIndex | undefined;
  const index = (): SearchIndex => (built ??= createSearchIndex(entries));
  const ids = new Map(entries.map((entry) => [entry.id, entry]));
  return {
    entries,
    get ready() {
      return built !== undefined;
    },
    warm: () => void index(),
    byId: (id) => ids.get(id),
    search: (query, limit) => (query.trim() ? index().search(query, limit) : []),
    popular: (limit) => index().popular(limit),
    closest: (query, limit) => (query.trim() ? index().closest(query, limit) : []),
  };
}
