import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Entry } from '../lib/kb/types';
import { CATEGORY_LABELS } from '../lib/kb/vocabulary';
import type { SearchHit, SearchIndex } from '../lib/search/search';

export interface SearchProps {
  readonly index: SearchIndex;
  readonly onChoose: (entry: Entry) => void;
  readonly autoFocus?: boolean;
  readonly label?: string;
  readonly initialQuery?: string;
  /** Tells the page what is typed (the popup shows its home lists only while the box is empty). */
  readonly onQueryChange?: (query: string) => void;
  /** Empties the box once an entry is chosen (the side panel keeps the box above the entry). */
  readonly clearOnChoose?: boolean;
  readonly limit?: number;
}

export const SEARCH_LABEL = 'Search physical-therapy terms';

/**
 * A search box with results as you type: `role="searchbox"` controlling a `listbox` of
 * `option`s; ↑ ↓ Home End move, Enter opens, Esc clears. When nothing matches, the nearest names
 * are offered ("Did you mean"). One status line tells screen readers how many results there are.
 */
export function Search({
  index,
  onChoose,
  autoFocus = false,
  label = SEARCH_LABEL,
  initialQuery = '',
  onQueryChange,
  clearOnChoose = false,
  limit = 8,
}: SearchProps) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hits = useMemo(() => index.search(query, limit), [index, query, limit]);
  const suggestions = useMemo(() => (query.trim() && hits.length === 0 ? index.closest(query, 3) : []), [index, query, hits]);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const changeQuery = (next: string): void => {
    setQuery(next);
    setActive(0);
    onQueryChange?.(next);
  };
  const choose = (entry: Entry): void => {
    if (clearOnChoose) changeQuery('');
    onChoose(entry);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const last = hits.length - 1;
    const move = (to: number): void => {
      event.preventDefault();
      setActive(to);
      document.getElementById(optionId(to))?.scrollIntoView?.({ block: 'nearest' });
    };
    if (event.key === 'ArrowDown' && hits.length > 0) move(active >= last ? 0 : active + 1);
    else if (event.key === 'ArrowUp' && hits.length > 0) move(active <= 0 ? last : active - 1);
    else if (event.key === 'PageDown' && hits.length > 0) move(last);
    else if (event.key === 'PageUp' && hits.length > 0) move(0);
    else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      choose(hits[active].entry);
    } else if (event.key === 'Escape' && query) {
      // Esc empties the box; with the box already empty it is left to the page (the popup closes).
      event.preventDefault();
      event.stopPropagation();
      changeQuery('');
    }
  };

  const optionId = (position: number): string => `${listId}-option-${position}`;
  const trimmed = query.trim();
  return (
    <div class="search" role="search">
      <input
        ref={input}
        type="search"
        role="searchbox"
        class="search-input"
        aria-label={label}
        placeholder="Search: sciatica, frozen shoulder, TENS…"
        value={query}
        autoComplete="off"
        spellcheck={false}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? optionId(active) : undefined}
        aria-keyshortcuts="ArrowDown ArrowUp Enter Escape"
        onInput={(event) => changeQuery((event.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <p role="status" class={trimmed && hits.length === 0 ? 'empty' : 'visually-hidden'}>
        {!trimmed
          ? ''
          : hits.length === 0
            ? `No entries match “${trimmed}”. Try another spelling or a simpler word.`
            : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}; use the up and down arrow keys and Enter to open one.`}
      </p>
      {suggestions.length > 0 ? (
        <div class="did-you-mean">
          <span class="muted">Did you mean:</span>
          <ul class="suggestions">
            {suggestions.map((hit) => (
              <li key={hit.entry.id}>
                <button type="button" class="link" onClick={() => choose(hit.entry)}>
                  {hit.entry.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul id={listId} role="listbox" aria-label="Results" class="results" hidden={hits.length === 0}>
        {hits.map((hit, position) => (
          <li
            key={hit.entry.id}
            id={optionId(position)}
            role="option"
            aria-selected={position === active}
            class={position === active ? 'result active' : 'result'}
            onMouseEnter={() => setActive(position)}
            onClick={() => choose(hit.entry)}
          >
            <span class="result-name">{markedName(hit)}</span>
            <span class="chip">{CATEGORY_LABELS[hit.entry.category]}</span>
            {hit.matchedText && hit.matchedText !== hit.entry.name ? <span class="result-alias">{hit.matchedText}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The entry's name with the characters that matched marked, when the name itself matched. */
function markedName(hit: SearchHit) {
  const name = hit.entry.name;
  if (hit.matchedText !== name || !hit.ranges || hit.ranges.length === 0) return name;
  const parts = [];
  let last = 0;
  for (const [from, to] of hit.ranges) {
    if (from > last) parts.push(name.slice(last, from));
    parts.push(<mark key={from}>{name.slice(from, to + 1)}</mark>);
    last = to + 1;
  }
  if (last < name.length) parts.push(name.slice(last));
  return parts;
}
