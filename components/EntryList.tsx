import type { ComponentChildren } from 'preact';
import type { Entry } from '../lib/kb/types';
import { CATEGORY_LABELS, type Category } from '../lib/kb/vocabulary';

export interface EntryLinkProps {
  readonly id: string;
  readonly onOpen: (id: string) => void;
  readonly children: ComponentChildren;
  readonly class?: string;
}

/** A link to an entry inside the page (the page shows it; nothing loads). */
export function EntryLink({ id, onOpen, children, class: className = 'entry-link' }: EntryLinkProps) {
  return (
    <a
      href={`#entry/${id}`}
      class={className}
      onClick={(event) => {
        event.preventDefault();
        onOpen(id);
      }}
    >
      {children}
    </a>
  );
}

export interface EntryListProps {
  readonly entries: readonly Entry[];
  readonly onOpen: (id: string) => void;
  readonly showCategory?: boolean;
  readonly label?: string;
}

/** Entries as a list of links, each with its category. */
export function EntryList({ entries, onOpen, showCategory = true, label }: EntryListProps) {
  return (
    <ul class="entry-list" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <EntryLink id={entry.id} onOpen={onOpen} class="entry-link entry-button">
            {entry.name}
          </EntryLink>
          {showCategory ? <span class="chip">{CATEGORY_LABELS[entry.category]}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The order kinds of entries are listed in when browsing a body region: what a person may have
 * first, then what helps, how it is tested, and the body parts involved.
 */
export const BROWSE_ORDER: readonly Category[] = ['condition', 'symptom', 'treatment', 'procedure', 'assessment', 'anatomy', 'concept', 'profession', 'setting'];

export function groupByCategory(entries: readonly Entry[]): { category: Category; entries: Entry[] }[] {
  return BROWSE_ORDER.map((category) => ({
    category,
    entries: entries.filter((entry) => entry.category === category).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((group) => group.entries.length > 0);
}

export interface GroupedEntryListProps {
  readonly entries: readonly Entry[];
  readonly onOpen: (id: string) => void;
  /** Heading level of the group titles, under the list's own heading. */
  readonly level?: 3 | 4;
}

/** Entries grouped by kind, conditions first (BROWSE_ORDER). */
export function GroupedEntryList({ entries, onOpen, level = 3 }: GroupedEntryListProps) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <>
      {groupByCategory(entries).map((group) => (
        <div key={group.category} class="entry-group">
          <Heading class="group-title">
            {CATEGORY_LABELS[group.category]} ({group.entries.length})
          </Heading>
          <EntryList entries={group.entries} onOpen={onOpen} showCategory={false} />
        </div>
      ))}
    </>
  );
}
