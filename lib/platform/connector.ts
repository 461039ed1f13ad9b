import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { sendTabMessage } from '../messaging/messages';
import {
  ALL_SETTINGS,
  readAllSettings,
  resetAllSettings,
  watchAllSettings,
  type Setting,
  type SettingName,
  type SettingValues,
} from '../settings/settings';
import { readTabPage, summarizeTabPage, watchTabPage, type TabSummary } from './page-state';
import { isSidePanelRequest, openSidePanel, requestSidePanelEntry, sidePanelRequest } from './side-panel';

/**
 * How the UI reaches the extension. Components take a connector instead of calling `browser.*`,
 * so they render in tests with a fake (tests/unit/fake-connector.ts). Every `subscribeTo…` calls
 * back with the current value first, then with each change; it and every `watch…` return the
 * function that stops them.
 */
export interface ExtensionConnector {
  /** Opens the side panel, on an entry when one is given. Call it straight from a click handler. */
  openSidePanel(entryId?: string): Promise<void>;
  openOptions(): Promise<void>;

  readSettings(): Promise<SettingValues>;
  /** Calls back with each change of a setting, by name (not with the current values: read those). */
  watchSettings(callback: SettingsListener): () => void;
  saveSetting<K extends SettingName>(name: K, value: SettingValues[K]): Promise<void>;
  resetSettings(): Promise<void>;

  /** The tab the page acts on: the active tab of this window (or the one the page was opened for). */
  subscribeToActiveTab(callback: (tab: TabInfo | undefined) => void): () => void;
  /** The terms the tab's content scripts found (storage.session, written by the background). */
  subscribeToPageTerms(tabId: number, callback: (summary: TabSummary) => void): () => void;
  /** Scrolls the page to the first painted occurrence of an entry and flashes it; false when it is not there. */
  showTermOnPage(tabId: number, entryId: string): Promise<boolean>;
  reloadTab(tabId: number): Promise<void>;
  /** Does the user let the extension read this origin ("https://example.com")? */
  hasSiteAccess(origin: string): Promise<boolean>;
  /** Asks for an origin (the browser's prompt); call it straight from a click handler. */
  requestSiteAccess(origin: string): Promise<boolean>;
  /** "Allow access to file URLs" in the browser's extension settings. */
  canReadFiles(): Promise<boolean>;
  /** The host of the web page the user last looked at in this window, for "turn this site off" in the options page. */
  lastVisitedHost(): Promise<string | undefined>;

  /** Entry ids the user opened lately, most recent first. */
  readRecentEntries(): Promise<string[]>;
  rememberEntry(entryId: string): Promise<void>;
  /** Entry ids the side panel is asked to show (tooltip, context menu, popup). */
  subscribeToSidePanelRequests(callback: (entryId: string) => void): () => void;
}

export type SettingsListener = <K extends SettingName>(name: K, value: SettingValues[K]) => void;

export interface TabInfo {
  readonly id: number;
  /** Hidden by the browser for pages the extension may not read. */
  readonly url?: string;
  readonly title?: string;
  readonly loading: boolean;
}

export interface PageConnectorOptions {
  /**
   * Act on this tab instead of the active one: for an extension page opened as a tab
   * (`popup.html?tab=12`), as the end-to-end tests do.
   */
  readonly tabId?: number;
}

/** Reads `?tab=12` from an extension page's address (see PageConnectorOptions.tabId). */
export function pinnedTabId(search: string): number | undefined {
  const value = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export const RECENT_ENTRY_LIMIT = 8;
/** A request older than this, found when the panel opens, is a leftover from an earlier opening. */
const FRESH_REQUEST_MS = 60_000;

const recentEntries = storage.defineItem<string[]>('local:recentEntries', { fallback: [] });
const isEntryIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string' && /^[a-z0-9-]{1,200}$/.test(id));

const tabInfo = (tab: Browser.tabs.Tab | undefined): TabInfo | undefined =>
  tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? tab.pendingUrl, title: tab.title, loading: tab.status === 'loading' };

/** The real connector for extension pages. Returns at once, so the page can render before any await. */
export function createPageConnector(options: PageConnectorOptions = {}): ExtensionConnector {
  // The window id is read ahead of time, so a click can call `sidePanel.open` at once, inside its user gesture.
  let windowId: number | undefined;
  const currentWindow = browser.windows.getCurrent().then((window) => {
    windowId = window.id;
    return window.id;
  });

  const activeTab = async (): Promise<TabInfo | undefined> => {
    if (options.tabId !== undefined) return tabInfo(await browser.tabs.get(options.tabId).catch(() => undefined));
    const [tab] = await browser.tabs.query({ active: true, windowId: await currentWindow });
    return tabInfo(tab);
  };

  return {
    async openSidePanel(entryId) {
      const opening = windowId === undefined ? currentWindow.then((id) => openSidePanel({ windowId: id! })) : openSidePanel({ windowId });
      if (entryId) await requestSidePanelEntry(entryId);
      await opening;
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },

    readSettings: readAllSettings,
    watchSettings: watchAllSettings,
    saveSetting(name, value) {
      return (ALL_SETTINGS[name] as Setting<typeof value>).set(value);
    },
    resetSettings: resetAllSettings,

    subscribeToActiveTab(callback) {
      let current: number | undefined;
      let stopped = false;
      const refresh = (): void => {
        void activeTab().then((tab) => {
          if (stopped) return;
          current = tab?.id;
          callback(tab);
        });
      };
      const onActivated = (info: { tabId: number; windowId: number }): void => {
        if (options.tabId === undefined && (windowId === undefined || info.windowId === windowId)) refresh();
      };
      const onUpdated = (tabId: number, change: { status?: string; url?: string }): void => {
        if (tabId === current && (change.status !== undefined || change.url !== undefined)) refresh();
      };
      const onPermissions = (): void => refresh();
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      // Granting site access shows the page's address, so the page status is worth reading again.
      browser.permissions.onAdded.addListener(onPermissions);
      browser.permissions.onRemoved.addListener(onPermissions);
      refresh();
      return () => {
        stopped = true;
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.permissions.onAdded.removeListener(onPermissions);
        browser.permissions.onRemoved.removeListener(onPermissions);
      };
    },
    subscribeToPageTerms(tabId, callback) {
      let changed = false;
      const stop = watchTabPage(tabId, (page) => {
        changed = true;
        callback(summarizeTabPage(page));
      });
      void readTabPage(tabId).then(
        (page) => {
          if (!changed) callback(summarizeTabPage(page));
        },
        () => callback(summarizeTabPage(undefined)),
      );
      return stop;
    },
    async showTermOnPage(tabId, entryId) {
      return (await sendTabMessage(tabId, 'showTermOnPage', { entryId })).found;
    },
    async reloadTab(tabId) {
      await browser.tabs.reload(tabId);
    },
    hasSiteAccess(origin) {
      return browser.permissions.contains({ origins: [`${origin}/*`] });
    },
    requestSiteAccess(origin) {
      return browser.permissions.request({ origins: [`${origin}/*`] });
    },
    canReadFiles() {
      return browser.extension.isAllowedFileSchemeAccess();
    },
    async lastVisitedHost() {
      const tabs = await browser.tabs.query({ windowId: await currentWindow });
      const web = tabs
        .filter((tab) => /^https?:/.test(tab.url ?? ''))
        .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
      return web[0]?.url ? new URL(web[0].url).hostname : undefined;
    },

    async readRecentEntries() {
      const stored = await recentEntries.getValue();
      return isEntryIdList(stored) ? stored : [];
    },
    async rememberEntry(entryId) {
      const stored = await recentEntries.getValue();
      const previous = isEntryIdList(stored) ? stored : [];
      await recentEntries.setValue([entryId, ...previous.filter((id) => id !== entryId)].slice(0, RECENT_ENTRY_LIMIT));
    },
    subscribeToSidePanelRequests(callback) {
      let lastAt = 0;
      const deliver = (value: unknown, isLeftover: boolean): void => {
        if (!isSidePanelRequest(value) || value.at <= lastAt) return;
        lastAt = value.at;
        if (isLeftover && Date.now() - value.at > FRESH_REQUEST_MS) return;
        callback(value.entryId);
      };
      void sidePanelRequest.getValue().then((value) => deliver(value, true));
      return sidePanelRequest.watch((value) => deliver(value, false));
    },
  };
}
