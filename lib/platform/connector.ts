import { browser } from 'wxt/browser';
import { openSidePanel, requestSidePanelEntry } from './side-panel';

/**
 * How the UI reaches the extension. Components take a connector instead of calling `browser.*`,
 * so they render in tests with a fake (tests/unit/fake-connector.ts).
 */
export interface ExtensionConnector {
  /** Opens the side panel, on an entry when one is given. Call it straight from a click handler. */
  openSidePanel(entryId?: string): Promise<void>;
  openOptions(): Promise<void>;
}

/**
 * The real connector for extension pages. The window id is read ahead of time, so a click can call
 * `sidePanel.open` at once, inside its user gesture.
 */
export async function createPageConnector(): Promise<ExtensionConnector> {
  const windowId = (await browser.windows.getCurrent()).id;
  return {
    async openSidePanel(entryId) {
      const opening = windowId === undefined ? Promise.reject(new Error('No window')) : openSidePanel({ windowId });
      if (entryId) await requestSidePanelEntry(entryId);
      await opening;
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}
