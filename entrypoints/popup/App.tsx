import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntryList } from '../../components/EntryList';
import { EntryView } from '../../components/EntryView';
import { lazySearchIndex } from '../../components/lazy-index';
import { OnThisPage } from '../../components/OnThisPage';
import { PageStatus } from '../../components/PageStatus';
import { Search } from '../../components/Search';
import { useCurrentPage } from '../../components/useCurrentPage';
import { useSettings, useTheme } from '../../components/useSettings';
import type { CompiledKb, Entry } from '../../lib/kb/types';
import type { ExtensionConnector } from '../../lib/platform/connector';

export interface PopupAppProps {
  readonly kb: CompiledKb;
  readonly connector: ExtensionConnector;
}

const RECENT_SHOWN = 5;
const POPULAR_SHOWN = 6;

/**
 * The toolbar popup: "what is this word?" in two keystrokes, the terms on this page, and the
 * switch for this site. It paints before building the search index (built on the first keystroke
 * or right after the first paint).
 */
export function PopupApp({ kb, connector }: PopupAppProps) {
  const index = useMemo(() => lazySearchIndex(kb.entries), [kb]);
  const [indexReady, setIndexReady] = useState(index.ready);
  const [entry, setEntry] = useState<Entry | null>(null);
  const [query, setQuery] = useState('');
  const [recent, setRecent] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<string | undefined>();
  const settings = useSettings(connector);
  const page = useCurrentPage(connector);
  const heading = useRef<HTMLHeadingElement>(null);
  useTheme(settings?.theme);

  useEffect(() => {
    // After the first paint: the popular list needs the index, and so will the first keystroke.
    const timer = setTimeout(() => {
      index.warm();
      setIndexReady(true);
    }, 30);
    return () => clearTimeout(timer);
  }, [index]);
  useEffect(() => {
    connector.readRecentEntries().then(setRecent, () => undefined);
  }, [connector]);
  useEffect(() => {
    if (entry) heading.current?.focus();
  }, [entry]);
  useEffect(() => {
    // Esc closes the entry (back to the search); in the search it first empties the box.
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && entry && !event.defaultPrevented) {
        event.preventDefault();
        setEntry(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [entry]);

  const openPanel = (entryId?: string): void => {
    setError(null);
    connector.openSidePanel(entryId).then(
      () => window.close(),
      () => setError('The side panel could not be opened here.'),
    );
  };
  const openEntry = (id: string): void => {
    const next = index.byId(id);
    if (!next) return;
    setEntry(next);
    setRecent((previous) => [id, ...previous.filter((known) => known !== id)]);
    connector.rememberEntry(id).catch(() => undefined);
  };
  const showOnPage = (id: string): void => {
    if (!page.tab) return;
    const name = index.byId(id)?.name ?? id;
    setFeedback(undefined);
    connector.showTermOnPage(page.tab.id, id).then(
      (found) => setFeedback(found ? `Showing ${name} on the page.` : `${name} is no longer on the page.`),
      () => setFeedback(`${name} could not be shown: reload the page and try again.`),
    );
  };
  const known = (ids: readonly string[]): Entry[] => ids.flatMap((id) => index.byId(id) ?? []);

  return (
    <main class="app popup">
      <div class="toolbar">
        <h1 class="brand">PhysioLens</h1>
        <span class="toolbar-actions">
          <button type="button" class="secondary" onClick={() => openPanel(entry?.id)}>
            Open side panel
          </button>
          <button type="button" class="secondary icon" aria-label="Settings" title="Settings" onClick={() => void connector.openOptions()}>
            <span aria-hidden="true">⚙</span>
          </button>
        </span>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {entry ? (
        <>
          <button type="button" class="secondary" onClick={() => setEntry(null)} aria-keyshortcuts="Escape">
            ← Back to search
          </button>
          <EntryView
            entry={entry}
            compact
            onOpenEntry={openEntry}
            nameOf={(id) => index.byId(id)?.name}
            headingRef={heading}
            actions={
              <button type="button" onClick={() => openPanel(entry.id)}>
                Open in side panel
              </button>
            }
          />
        </>
      ) : (
        <>
          <Search index={index} onChoose={(chosen) => openEntry(chosen.id)} autoFocus initialQuery={query} onQueryChange={setQuery} />
          {query.trim() ? null : (
            <>
              <PageStatus page={page} settings={settings} connector={connector} />
              {page.summary.terms.length > 0 ? (
                <OnThisPage terms={page.summary.terms} byId={index.byId} onRead={openEntry} onShow={showOnPage} primary="show" feedback={feedback} />
              ) : null}
              {recent.length > 0 ? (
                <section class="block" aria-labelledby="recent-title">
                  <h2 id="recent-title">Recent</h2>
                  <EntryList entries={known(recent).slice(0, RECENT_SHOWN)} onOpen={openEntry} />
                </section>
              ) : null}
              {indexReady ? (
                <section class="block" aria-labelledby="popular-title">
                  <h2 id="popular-title">Popular</h2>
                  <EntryList entries={index.popular(POPULAR_SHOWN)} onOpen={openEntry} />
                </section>
              ) : null}
            </>
          )}
        </>
      )}
    </main>
  );
}
