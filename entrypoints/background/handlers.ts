import type { Browser } from 'wxt/browser';
import { entryCard } from '../../lib/kb/bundled';
import type { CompiledKb, Entry } from '../../lib/kb/types';
import type { BackgroundHandlers } from '../../lib/messaging/messages';
import { recordFrameReport, showTermCount, summarizeTabPage } from '../../lib/platform/page-state';
import { openSidePanel, requestSidePanelEntry } from '../../lib/platform/side-panel';
import { showBadge } from '../../lib/settings/settings';
import { CURRENT_BROWSER, traitsOf, type BrowserName } from '../../lib/platform/browser';

/** The background's answers to the typed messages of lib/messaging/protocol.ts. */
export function createHandlers(kb: CompiledKb, on: BrowserName = CURRENT_BROWSER): BackgroundHandlers {
  const traits = traitsOf(on);
  const byId = new Map<string, Entry>(kb.entries.map((entry) => [entry.id, entry]));
  const lookup = (id: string): Entry | undefined => byId.get(id);
  return {
    getEntryCards({ ids }) {
      return [...new Set(ids)].flatMap((id) => {
        const entry = byId.get(id);
        return entry ? [entryCard(entry, lookup)] : [];
      });
    },
    openSidePanel({ entryId }, sender: Browser.runtime.MessageSender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('openSidePanel needs a tab');
      // sidePanel.open must run before any await: it is only allowed inside the click's gesture.
      // Where a page click does not count (Firefox), the entry waits for the sidebar to open.
      const opening = traits.panelOpensFromPageClick ? openSidePanel({ tabId }, on) : undefined;
      return Promise.all([opening, requestSidePanelEntry(entryId)]).then(() => ({ opened: opening !== undefined }));
    },
    async reportPage(report, sender: Browser.runtime.MessageSender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('reportPage needs a tab');
      const known = report.terms.filter((term) => byId.has(term.id));
      const page = await recordFrameReport(tabId, sender.frameId ?? 0, { ...report, terms: known });
      await showTermCount(tabId, (await showBadge.get()) ? summarizeTabPage(page).terms.length : 0);
      return { recorded: true };
    },
  };
}
