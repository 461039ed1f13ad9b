import { browser } from 'wxt/browser';
import type { CompiledKb } from '../../lib/kb/types';
import { slugOf } from '../../lib/matcher/slug';
import { sendTabMessage } from '../../lib/messaging/messages';
import { openSidePanel, requestSidePanelEntry } from '../../lib/platform/side-panel';
import { createSearchIndex, type SearchIndex } from '../../lib/search/search';

/**
 * What the browser's own controls do: the context menu on a selection, and the keyboard command
 * that walks the terms of a page. Kept as plain functions so unit tests (with the fake browser) and
 * the e2e suite (through the service worker) can call them: Playwright cannot press an extension
 * command or open the browser's context menu.
 */
export const LOOK_UP_MENU_ID = 'physiolens-look-up';
export const WALK_TERMS_COMMAND = 'walk-terms';

export function createBackgroundActions(kb: CompiledKb) {
  let index: SearchIndex | undefined;
  const search = (): SearchIndex => (index ??= createSearchIndex(kb.entries));

  return {
    /**
     * "Look up “%s” in PhysioLens": opens the side panel on the best match for the selected text.
     * The panel opens first, synchronously inside the click's user gesture.
     */
    async lookUpSelection(selection: string, tabId: number): Promise<string> {
      const opening = openSidePanel({ tabId }).catch((error: unknown) => console.warn('PhysioLens: the side panel did not open', error));
      const text = selection.replace(/\s+/g, ' ').trim().slice(0, 100);
      const best = text ? search().search(text, 1)[0] : undefined;
      // No match: the panel shows "not found" with search results for the words themselves.
      const entryId = best?.entry.id ?? (slugOf(text).slice(0, 100) || 'unknown');
      await Promise.all([opening, requestSidePanelEntry(entryId)]);
      return entryId;
    },

    /**
     * The keyboard command: focus the first term on screen in the active tab. A tab that was just
     * brought to the front can miss the first message, so it is asked twice.
     */
    async walkTerms(tabId: number): Promise<boolean> {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          return (await sendTabMessage(tabId, 'focusFirstTerm', {})).found;
        } catch {
          // No content script there (yet): a browser page, site access withheld, or a waking tab.
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      }
      return false;
    },
  };
}

export function registerContextMenu(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: LOOK_UP_MENU_ID, title: 'Look up “%s” in PhysioLens', contexts: ['selection'] });
  });
}
