import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { listenForMessages } from '../../lib/messaging/messages';
import { clearTabPage, showTermCount } from '../../lib/platform/page-state';
import { configureSidePanel } from '../../lib/platform/side-panel';
import { createHandlers } from './handlers';

const warn = (what: string) => (error: unknown) => console.warn(`PhysioLens: ${what}`, error);

export default defineBackground({
  type: 'module',
  main() {
    listenForMessages(createHandlers(BUNDLED_KB));
    configureSidePanel().catch(warn('side panel setup failed'));
    // A new page in a tab starts with no terms and no badge.
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading') {
        Promise.all([clearTabPage(tabId), showTermCount(tabId, 0)]).catch(warn('could not reset the tab'));
      }
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      clearTabPage(tabId).catch(warn('could not forget the tab'));
    });
  },
});
