import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ExtensionConnector, TabInfo } from '../lib/platform/connector';
import { pageAccessOf, type PageAccess } from '../lib/platform/page-access';
import type { TabSummary } from '../lib/platform/page-state';

export interface CurrentPage {
  /** False until the active tab is known. */
  readonly known: boolean;
  readonly tab: TabInfo | undefined;
  readonly access: PageAccess;
  /** For a web page: may the extension read its origin? For a file: may it read files? Undefined while asking. */
  readonly allowed: boolean | undefined;
  readonly summary: TabSummary;
  /** Asks the browser again (after the user granted access). */
  readonly recheck: () => void;
}

const NOTHING: TabSummary = { terms: [], status: 'none' };

/** The page in the active tab, its access and the terms found on it, kept up to date as tabs change. */
export function useCurrentPage(connector: ExtensionConnector): CurrentPage {
  const [known, setKnown] = useState(false);
  const [tab, setTab] = useState<TabInfo | undefined>();
  const [summary, setSummary] = useState<TabSummary>(NOTHING);
  const [allowed, setAllowed] = useState<boolean | undefined>();
  const [checks, setChecks] = useState(0);

  useEffect(
    () =>
      connector.subscribeToActiveTab((next) => {
        setKnown(true);
        setTab(next);
      }),
    [connector],
  );
  const tabId = tab?.id;
  useEffect(() => {
    setSummary(NOTHING);
    return tabId === undefined ? undefined : connector.subscribeToPageTerms(tabId, setSummary);
  }, [connector, tabId]);

  const access = useMemo(() => pageAccessOf(tab?.url), [tab?.url]);
  const origin = access.kind === 'web' ? access.origin : access.kind === 'file' ? 'file://' : undefined;
  useEffect(() => {
    let current = true;
    setAllowed(undefined);
    if (!origin) return undefined;
    const asking = origin === 'file://' ? connector.canReadFiles() : connector.hasSiteAccess(origin);
    asking.then(
      (answer) => current && setAllowed(answer),
      () => current && setAllowed(false),
    );
    return () => {
      current = false;
    };
  }, [connector, origin, checks]);

  const recheck = useCallback(() => setChecks((count) => count + 1), []);
  return { known, tab, access, allowed, summary, recheck };
}
