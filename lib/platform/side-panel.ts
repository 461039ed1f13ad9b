import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { CURRENT_BROWSER, type BrowserName } from './browser';

/**
 * The side panel: how to open it and which entry it should show. The wanted entry travels through
 * session storage (the panel may not exist yet when it is asked for, and the service worker may
 * sleep), with a time stamp so asking twice for the same entry still moves the panel.
 */
export interface SidePanelRequest {
  readonly entryId: string;
  readonly at: number;
}

export const sidePanelRequest = storage.defineItem<SidePanelRequest | null>('session:sidePanelRequest', { fallback: null });

export function isSidePanelRequest(value: unknown): value is SidePanelRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SidePanelRequest).entryId === 'string' &&
    typeof (value as SidePanelRequest).at === 'number'
  );
}

/**
 * Opens the side panel (Chrome) or the sidebar (Firefox). Must be called synchronously inside a
 * user action (a click in the popup, the context menu, or in Chrome the background's handler of a
 * message sent from a click in a page): no await before it.
 */
export function openSidePanel(target: { tabId: number } | { windowId: number }, on: BrowserName = CURRENT_BROWSER): Promise<void> {
  if (on === 'firefox') {
    return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  }
  return browser.sidePanel.open(target as Parameters<typeof browser.sidePanel.open>[0]);
}

export async function requestSidePanelEntry(entryId: string): Promise<void> {
  await sidePanelRequest.setValue({ entryId, at: Date.now() });
}

/**
 * The toolbar button opens the popup; the panel opens from the popup, the tooltip and the menu.
 * (Firefox's sidebar has no such setting.)
 */
export async function configureSidePanel(on: BrowserName = CURRENT_BROWSER): Promise<void> {
  if (on === 'firefox') return;
  await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
}
