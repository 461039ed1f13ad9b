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
}

/**
 * A search box with results as you type: `role="searchbox"` controlling a `listbox` of
 * `option`s; ↑ ↓ move, Enter opens, Esc clears.
 */
export function Search({ index, onChoose, autoFocus = false, label = 'Search physical-therapy terms', initialQuery = '' }: SearchProps) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hits = useMemo(() => index.search(query, 8), [index, query]);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  useEffect(() => setActive(0), [query]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((active + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((active - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      onChoose(hits[active].entry);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const optionId = (position: number): string => `${listId}-option-${position}`;
  return (
    <div class="search">
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
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      {query.trim() && hits.length === 0 ? (
        <p class="empty" role="status">
          No entries match “{query.trim()}”. Try another spelling or a simpler word.
        </p>
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
            onClick={() => onChoose(hit.entry)}
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
