import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

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
 * Opens the side panel. Must be called synchronously inside a user gesture (a click in the popup,
 * or the background's handler of a message sent from a click): no await before it.
 */
export function openSidePanel(target: { tabId: number } | { windowId: number }): Promise<void> {
  return browser.sidePanel.open(target as Parameters<typeof browser.sidePanel.open>[0]);
}

export async function requestSidePanelEntry(entryId: string): Promise<void> {
  await sidePanelRequest.setValue({ entryId, at: Date.now() });
}

/** The toolbar button opens the popup; the panel opens from the popup, the tooltip and the menu. */
export async function configureSidePanel(): Promise<void> {
  await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
}
