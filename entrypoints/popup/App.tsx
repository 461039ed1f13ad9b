import { useMemo, useState } from 'preact/hooks';
import { EntryView } from '../../components/EntryView';
import { Search } from '../../components/Search';
import type { CompiledKb, Entry } from '../../lib/kb/types';
import type { ExtensionConnector } from '../../lib/platform/connector';
import { createSearchIndex } from '../../lib/search/search';

export interface PopupAppProps {
  readonly kb: CompiledKb;
  readonly connector: ExtensionConnector;
}

/** The toolbar popup: "what is this word?" in two keystrokes. */
export function PopupApp({ kb, connector }: PopupAppProps) {
  const index = useMemo(() => createSearchIndex(kb.entries), [kb]);
  const [entry, setEntry] = useState<Entry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openPanel = (entryId?: string): void => {
    setError(null);
    connector.openSidePanel(entryId).then(
      () => window.close(),
      () => setError('The side panel could not be opened here.'),
    );
  };
  const openEntry = (id: string): void => {
    const next = index.byId(id);
    if (next) setEntry(next);
  };

  return (
    <main class="app popup">
      <div class="toolbar">
        <h1 class="brand">PhysioLens</h1>
        <span>
          <button type="button" class="secondary" onClick={() => openPanel(entry?.id)}>
            Open side panel
          </button>{' '}
          <button type="button" class="secondary" aria-label="Settings" onClick={() => void connector.openOptions()}>
            ⚙
          </button>
        </span>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {entry ? (
        <>
          <button type="button" class="secondary" onClick={() => setEntry(null)}>
            ← Back to search
          </button>
          <EntryView entry={entry} compact onOpenEntry={openEntry} nameOf={(id) => index.byId(id)?.name} />
        </>
      ) : (
        <Search index={index} onChoose={setEntry} autoFocus />
      )}
    </main>
  );
}
