import type { Ref } from 'preact';
import { EntryList } from '../../components/EntryList';
import type { Entry } from '../../lib/kb/types';
import type { SearchIndex } from '../../lib/search/search';

export interface ListPageProps {
  readonly title: string;
  readonly entries: readonly Entry[];
  readonly onOpenEntry: (id: string) => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly showCategory?: boolean;
}

/** A category or a letter of the A–Z index: its entries by name. */
export function ListPage({ title, entries, onOpenEntry, headingRef, showCategory = false }: ListPageProps) {
  const sorted = [...entries].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p class="muted">
        {sorted.length} {sorted.length === 1 ? 'entry' : 'entries'}
      </p>
      {sorted.length > 0 ? <EntryList entries={sorted} onOpen={onOpenEntry} showCategory={showCategory} /> : null}
    </section>
  );
}

export interface NotFoundProps {
  readonly id: string;
  readonly index: SearchIndex;
  readonly onOpenEntry: (id: string) => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

/** An entry id the KB does not have (an old link, a typo): say so, and search for it. */
export function NotFound({ id, index, onOpenEntry, headingRef }: NotFoundProps) {
  const query = id.replace(/-/g, ' ');
  const hits = index.search(query, 8);
  const found = (hits.length > 0 ? hits : index.closest(query, 8)).map((hit) => hit.entry);
  return (
    <section aria-labelledby="not-found-title">
      <h2 id="not-found-title" ref={headingRef} tabIndex={-1}>
        Entry not found
      </h2>
      <p>
        There is no entry “{id}”. It may have been renamed or removed.
        {found.length > 0 ? ' These are the closest matches:' : ' Try the search above.'}
      </p>
      {found.length > 0 ? <EntryList entries={found} onOpen={onOpenEntry} label={`Entries matching “${query}”`} /> : null}
    </section>
  );
}
