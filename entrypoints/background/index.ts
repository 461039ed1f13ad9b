import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { listenForBackgroundMessages } from '../../lib/messaging/messages';
import { clearTabPage, showTermCount } from '../../lib/platform/page-state';
import { configureSidePanel } from '../../lib/platform/side-panel';
import { injectIntoOpenTabs } from '../../lib/platform/inject';
import { showBadge } from '../../lib/settings/settings';
import { createBackgroundActions, LOOK_UP_MENU_ID, registerContextMenu, WALK_TERMS_COMMAND } from './actions';
import { createHandlers } from './handlers';

const warn = (what: string) => (error: unknown) => console.warn(`PhysioLens: ${what}`, error);

export default defineBackground({
  type: 'module',
  main() {
    listenForBackgroundMessages(createHandlers(BUNDLED_KB));
    const actions = createBackgroundActions(BUNDLED_KB);
    configureSidePanel().catch(warn('side panel setup failed'));

    browser.runtime.onInstalled.addListener(() => {
      registerContextMenu();
      // Tabs open before the install or update get the content script now, not on their next load.
      injectIntoOpenTabs().catch(warn('could not reach the open tabs'));
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== LOOK_UP_MENU_ID || tab?.id === undefined) return;
      actions.lookUpSelection(info.selectionText ?? '', tab.id).catch(warn('could not look up the selection'));
    });
    browser.commands.onCommand.addListener((command, tab) => {
      if (command !== WALK_TERMS_COMMAND || tab?.id === undefined) return;
      void actions.walkTerms(tab.id);
    });

    // A new page in a tab starts with no terms and no badge.
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading') {
        Promise.all([clearTabPage(tabId), showTermCount(tabId, 0)]).catch(warn('could not reset the tab'));
      }
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      clearTabPage(tabId).catch(warn('could not forget the tab'));
    });
    showBadge.watch((on) => {
      if (!on) browser.tabs.query({}).then((tabs) => tabs.forEach((tab) => tab.id !== undefined && void showTermCount(tab.id, 0)), warn('badge'));
    });

    // For the e2e suite, which cannot click the browser's menus or press its commands; the
    // service worker's global scope is not reachable from web pages.
    (globalThis as { physiolens?: unknown }).physiolens = actions;
  },
});
