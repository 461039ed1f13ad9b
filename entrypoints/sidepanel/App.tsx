import { useEffect, useMemo, useState } from 'preact/hooks';
import { EntryView } from '../../components/EntryView';
import { Search } from '../../components/Search';
import type { CompiledKb } from '../../lib/kb/types';
import { createSearchIndex } from '../../lib/search/search';

export interface SidePanelAppProps {
  readonly kb: CompiledKb;
  /** Calls back with every entry id the panel is asked to show (tooltip, popup). */
  readonly subscribeToRequests: (onRequest: (entryId: string) => void) => () => void;
}

/** The full reference: search, and an entry with every section and its related entries. */
export function SidePanelApp({ kb, subscribeToRequests }: SidePanelAppProps) {
  const index = useMemo(() => createSearchIndex(kb.entries), [kb]);
  const [history, setHistory] = useState<string[]>([]);
  const currentId = history[history.length - 1];
  const entry = currentId ? index.byId(currentId) : undefined;
  const open = (id: string): void => setHistory((previous) => (previous[previous.length - 1] === id ? previous : [...previous, id]));

  useEffect(() => subscribeToRequests(open), [subscribeToRequests]);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [currentId]);

  return (
    <main class="app sidepanel">
      <div class="toolbar">
        <h1 class="brand">PhysioLens</h1>
        {history.length > 0 ? (
          <button type="button" class="secondary" onClick={() => setHistory(history.slice(0, -1))}>
            ← Back
          </button>
        ) : null}
      </div>
      <Search index={index} onChoose={(chosen) => open(chosen.id)} autoFocus={!currentId} />
      {currentId && !entry ? (
        <p role="alert">No entry “{currentId}” was found. Try the search above.</p>
      ) : null}
      {entry ? <EntryView entry={entry} onOpenEntry={open} nameOf={(id) => index.byId(id)?.name} /> : null}
    </main>
  );
}
