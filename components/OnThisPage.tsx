import type { Entry } from '../lib/kb/types';
import type { PageTerm } from '../lib/messaging/protocol';
import { EntryLink } from './EntryList';

export interface OnThisPageProps {
  readonly terms: readonly PageTerm[];
  readonly byId: (id: string) => Entry | undefined;
  /** Opens the entry. */
  readonly onRead: (id: string) => void;
  /** Scrolls the page to the term and flashes it. */
  readonly onShow: (id: string) => void;
  /** What choosing a name does: the popup shows the term on the page, the side panel opens the entry. */
  readonly primary: 'show' | 'read';
  /** A message about the last "show" (e.g. the term is no longer on the page). */
  readonly feedback?: string;
  /** Said when no terms were found (why, when it is known). */
  readonly emptyMessage?: string;
}

const times = (count: number): string => (count === 1 ? 'once' : `${count} times`);

/** The entries found on the page, most frequent first, with how often each was found. */
export function OnThisPage({ terms, byId, onRead, onShow, primary, feedback, emptyMessage = 'No physical-therapy terms found on this page.' }: OnThisPageProps) {
  const found = terms.flatMap((term) => {
    const entry = byId(term.id);
    return entry ? [{ entry, count: term.count }] : [];
  });
  return (
    <section class="block on-this-page" aria-labelledby="on-this-page-title">
      <h2 id="on-this-page-title">On this page</h2>
      {found.length === 0 ? (
        <p class="muted">{emptyMessage}</p>
      ) : (
        <ul class="entry-list">
          {found.map(({ entry, count }) => (
            <li key={entry.id}>
              {primary === 'show' ? (
                <>
                  <button type="button" class="link entry-button" onClick={() => onShow(entry.id)} aria-label={`${entry.name}, found ${times(count)}: show it on the page`}>
                    {entry.name}
                  </button>
                  <span class="count" aria-hidden="true">
                    ×{count}
                  </span>
                  <button type="button" class="secondary small" onClick={() => onRead(entry.id)} aria-label={`Read about ${entry.name}`}>
                    Read
                  </button>
                </>
              ) : (
                <>
                  <EntryLink id={entry.id} onOpen={onRead} class="entry-link entry-button">
                    {entry.name}
                  </EntryLink>
                  <span class="count">
                    <span aria-hidden="true">×{count}</span>
                    <span class="visually-hidden">found {times(count)}</span>
                  </span>
                  <button type="button" class="secondary small" onClick={() => onShow(entry.id)} aria-label={`Show ${entry.name} on the page`}>
                    Show on page
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="muted" aria-live="polite">
        {feedback ?? ''}
      </p>
    </section>
  );
}
