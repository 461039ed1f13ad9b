import type { PageTerm } from '../../lib/messaging/protocol';
import { RECENT_ENTRY_LIMIT, type ExtensionConnector, type SettingsListener, type TabInfo } from '../../lib/platform/connector';
import type { TabSummary } from '../../lib/platform/page-state';
import { ALL_SETTINGS, type SettingName, type SettingValues } from '../../lib/settings/settings';

export interface FakeConnectorOptions {
  /** The active tab; `null` for none. Default: an article on example.com. */
  readonly tab?: TabInfo | null;
  readonly pageTerms?: readonly PageTerm[];
  readonly pageStatus?: TabSummary['status'];
  readonly settings?: Partial<SettingValues>;
  readonly siteAccess?: boolean;
  /** What the permission prompt answers. */
  readonly grantsAccess?: boolean;
  readonly fileAccess?: boolean;
  /** What the page answers to showTermOnPage; `'no-page'` makes it fail as when no content script listens. */
  readonly termOnPage?: boolean | 'no-page';
  readonly recent?: readonly string[];
  readonly lastVisitedHost?: string;
}

export const FAKE_TAB: TabInfo = { id: 7, url: 'https://example.com/article', title: 'An article', loading: false };

const defaults = (): SettingValues =>
  Object.fromEntries(Object.entries(ALL_SETTINGS).map(([name, setting]) => [name, structuredClone(setting.spec.fallback)])) as SettingValues;

/**
 * An in-memory extension for component tests: settings, the active tab and its page terms, the
 * recent list and side-panel requests, each changeable from the test. `calls` records what the
 * UI asked the browser to do (open, show, ask, reload); stored data is in the other fields.
 */
export function createFakeConnector(options: FakeConnectorOptions = {}) {
  const calls: string[] = [];
  const settings: SettingValues = { ...defaults(), ...options.settings };
  const settingsListeners = new Set<SettingsListener>();
  let tab: TabInfo | undefined = options.tab === null ? undefined : (options.tab ?? FAKE_TAB);
  const tabListeners = new Set<(tab: TabInfo | undefined) => void>();
  let summary: TabSummary = { terms: options.pageTerms ?? [], status: options.pageStatus ?? (options.pageTerms ? 'ready' : 'none') };
  const pageListeners = new Map<(summary: TabSummary) => void, number>();
  const panelListeners = new Set<(entryId: string) => void>();
  let siteAccess = options.siteAccess ?? true;
  const recent = [...(options.recent ?? [])];

  const connector: ExtensionConnector = {
    openSidePanel(entryId) {
      calls.push(`openSidePanel:${entryId ?? ''}`);
      return Promise.resolve();
    },
    openOptions() {
      calls.push('openOptions');
      return Promise.resolve();
    },
    readSettings: () => Promise.resolve({ ...settings }),
    watchSettings(callback) {
      settingsListeners.add(callback);
      return () => settingsListeners.delete(callback);
    },
    saveSetting(name, value) {
      settings[name] = value;
      settingsListeners.forEach((listener) => listener(name, value));
      return Promise.resolve();
    },
    resetSettings() {
      const fresh = defaults();
      for (const name of Object.keys(fresh) as SettingName[]) void connector.saveSetting(name, fresh[name]);
      return Promise.resolve();
    },
    subscribeToActiveTab(callback) {
      tabListeners.add(callback);
      callback(tab);
      return () => tabListeners.delete(callback);
    },
    subscribeToPageTerms(tabId, callback) {
      pageListeners.set(callback, tabId);
      callback(tabId === tab?.id ? summary : { terms: [], status: 'none' });
      return () => pageListeners.delete(callback);
    },
    showTermOnPage(tabId, entryId) {
      calls.push(`showTermOnPage:${tabId}:${entryId}`);
      if (options.termOnPage === 'no-page') return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      return Promise.resolve(options.termOnPage ?? true);
    },
    reloadTab(tabId) {
      calls.push(`reloadTab:${tabId}`);
      return Promise.resolve();
    },
    hasSiteAccess: () => Promise.resolve(siteAccess),
    requestSiteAccess(origin) {
      calls.push(`requestSiteAccess:${origin}`);
      if (options.grantsAccess) siteAccess = true;
      return Promise.resolve(options.grantsAccess ?? false);
    },
    canReadFiles: () => Promise.resolve(options.fileAccess ?? false),
    lastVisitedHost: () => Promise.resolve(options.lastVisitedHost),
    readRecentEntries: () => Promise.resolve([...recent]),
    rememberEntry(entryId) {
      const kept = recent.filter((id) => id !== entryId);
      recent.splice(0, recent.length, entryId, ...kept.slice(0, RECENT_ENTRY_LIMIT - 1));
      return Promise.resolve();
    },
    subscribeToSidePanelRequests(callback) {
      panelListeners.add(callback);
      return () => panelListeners.delete(callback);
    },
  };

  return {
    ...connector,
    calls,
    settings,
    recent,
    /** The user switches tabs (or the tab navigates). */
    setActiveTab(next: TabInfo | undefined): void {
      tab = next;
      tabListeners.forEach((listener) => listener(tab));
    },
    /** The tab's content script reports. */
    setPageTerms(next: TabSummary): void {
      summary = next;
      for (const [listener, tabId] of pageListeners) if (tabId === tab?.id) listener(summary);
    },
    /** The tooltip or context menu asks the side panel for an entry. */
    requestSidePanelEntry(entryId: string): void {
      panelListeners.forEach((listener) => listener(entryId));
    },
  };
}

export type FakeConnector = ReturnType<typeof createFakeConnector>;
