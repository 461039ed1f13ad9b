import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntryView } from '../../components/EntryView';
import { lazySearchIndex } from '../../components/lazy-index';
import {
  back,
  canGoBack,
  canGoForward,
  currentRoute,
  forward,
  HOME,
  letterLabel,
  letterOf,
  push,
  replace,
  startAt,
  type History,
  type Route,
} from '../../components/navigation';
import { Search } from '../../components/Search';
import { useCurrentPage } from '../../components/useCurrentPage';
import { useSettings, useTheme } from '../../components/useSettings';
import type { CompiledKb } from '../../lib/kb/types';
import { CATEGORY_LABELS } from '../../lib/kb/vocabulary';
import type { ExtensionConnector } from '../../lib/platform/connector';
import { Home } from './Home';
import { ListPage, NotFound } from './Pages';

export interface SidePanelAppProps {
  readonly kb: CompiledKb;
  readonly connector: ExtensionConnector;
  /** Where the panel starts (from `#entry/<id>` in its address). */
  readonly initialRoute?: Route;
}

/**
 * The full reference: search, the terms on the page in the active tab, the body map, categories
 * and an A–Z index; entries with every section; its own back and forward (buttons and Alt+← / Alt+→).
 */
export function SidePanelApp({ kb, connector, initialRoute = HOME }: SidePanelAppProps) {
  const index = useMemo(() => lazySearchIndex(kb.entries), [kb]);
  const [history, setHistory] = useState<History>(() => startAt(initialRoute));
  /** Counts the moves that should take focus to the new view (not a region chosen on the map). */
  const [moves, setMoves] = useState(0);
  const [feedback, setFeedback] = useState<string | undefined>();
  const settings = useSettings(connector);
  const page = useCurrentPage(connector);
  const heading = useRef<HTMLHeadingElement>(null);
  const search = useRef<HTMLDivElement>(null);
  useTheme(settings?.theme);
  const route = currentRoute(history);

  const go = useCallback(
    (next: Route): void => {
      setHistory((previous) => push(previous, next));
      setMoves((count) => count + 1);
      if (next.view === 'entry' && index.byId(next.id)) connector.rememberEntry(next.id).catch(() => undefined);
    },
    [connector, index],
  );
  const step = (move: (history: History) => History): void => {
    setHistory(move);
    setMoves((count) => count + 1);
  };
  const openEntry = useCallback((id: string) => go({ view: 'entry', id }), [go]);

  useEffect(() => connector.subscribeToSidePanelRequests(openEntry), [connector, openEntry]);
  useEffect(() => {
    const timer = setTimeout(() => index.warm(), 50);
    return () => clearTimeout(timer);
  }, [index]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === 'ArrowLeft') {
        event.preventDefault();
        step(back);
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        step(forward);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  useEffect(() => {
    if (moves === 0) return;
    window.scrollTo?.(0, 0);
    // The new view's heading takes focus, so a screen reader reads where it is; home goes to the search box.
    if (heading.current) heading.current.focus();
    else search.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [moves]);

  const showOnPage = (id: string): void => {
    const tab = page.tab;
    if (!tab) return;
    const name = index.byId(id)?.name ?? id;
    setFeedback(undefined);
    connector.showTermOnPage(tab.id, id).then(
      (found) => setFeedback(found ? `Showing ${name} on the page.` : `${name} is no longer on the page.`),
      () => setFeedback(`${name} could not be shown: reload the page and try again.`),
    );
  };
  const nameOf = (id: string): string | undefined => index.byId(id)?.name;

  let view;
  switch (route.view) {
    case 'home':
      view = (
        <Home
          entries={kb.entries}
          byId={index.byId}
          page={page}
          settings={settings}
          region={route.region}
          onSelectRegion={(region) => setHistory((previous) => replace(previous, { view: 'home', region }))}
          onOpenEntry={openEntry}
          onOpenCategory={(category) => go({ view: 'category', category })}
          onOpenLetter={(letter) => go({ view: 'letter', letter })}
          onShowOnPage={showOnPage}
          feedback={feedback}
        />
      );
      break;
    case 'entry': {
      const entry = index.byId(route.id);
      const onPage = entry && page.summary.terms.some((term) => term.id === entry.id);
      view = entry ? (
        <EntryView
          key={entry.id}
          entry={entry}
          onOpenEntry={openEntry}
          nameOf={nameOf}
          headingRef={heading}
          onOpenCategory={(category) => go({ view: 'category', category })}
          onOpenRegion={(region) => go({ view: 'home', region })}
          actions={
            onPage ? (
              <>
                <button type="button" class="secondary" onClick={() => showOnPage(entry.id)}>
                  Show on page
                </button>
                <span class="muted" aria-live="polite">
                  {feedback ?? ''}
                </span>
              </>
            ) : undefined
          }
        />
      ) : (
        <NotFound id={route.id} index={index} onOpenEntry={openEntry} headingRef={heading} />
      );
      break;
    }
    case 'category':
      view = (
        <ListPage
          title={CATEGORY_LABELS[route.category]}
          entries={kb.entries.filter((entry) => entry.category === route.category)}
          onOpenEntry={openEntry}
          headingRef={heading}
        />
      );
      break;
    case 'letter':
      view = (
        <ListPage
          title={`A–Z: ${letterLabel(route.letter)}`}
          entries={kb.entries.filter((entry) => letterOf(entry.name) === route.letter)}
          onOpenEntry={openEntry}
          headingRef={heading}
          showCategory
        />
      );
      break;
  }

  return (
    <div class="app sidepanel">
      <header class="toolbar">
        <h1 class="brand">PhysioLens</h1>
        <nav class="toolbar-actions" aria-label="Panel history">
          <button type="button" class="secondary icon" aria-label="Back" title="Back (Alt+←)" aria-keyshortcuts="Alt+ArrowLeft" disabled={!canGoBack(history)} onClick={() => step(back)}>
            <span aria-hidden="true">←</span>
          </button>
          <button type="button" class="secondary icon" aria-label="Forward" title="Forward (Alt+→)" aria-keyshortcuts="Alt+ArrowRight" disabled={!canGoForward(history)} onClick={() => step(forward)}>
            <span aria-hidden="true">→</span>
          </button>
          <button type="button" class="secondary" disabled={route.view === 'home' && !route.region} onClick={() => go(HOME)}>
            Home
          </button>
        </nav>
      </header>
      <div ref={search}>
        <Search index={index} onChoose={(entry) => openEntry(entry.id)} clearOnChoose autoFocus={initialRoute.view === 'home'} />
      </div>
      <main class="view">{view}</main>
    </div>
  );
}
