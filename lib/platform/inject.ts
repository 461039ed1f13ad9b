import { browser } from 'wxt/browser';
import { sendTabMessage } from '../messaging/messages';

// The manifest's own paths: WXT types script paths as its public paths.
type ScriptPath = NonNullable<Extract<Parameters<typeof browser.scripting.executeScript>[0], { files: unknown }>['files']>[number];

/** Pages the content script can run on. */
const SCANNABLE = /^(https?|file):/;

/**
 * After an install or update, content scripts are not in the tabs that were already open (after
 * an update, the old ones are cut off). Inject the content script into every frame of the tabs
 * whose page does not answer a ping; where it is not allowed (site access withheld, the Web
 * Store), the popup tells the reader and offers a reload. A page that answers keeps its script.
 */
export async function injectIntoOpenTabs(): Promise<number> {
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  if (files.length === 0) return 0;
  const tabs = await browser.tabs.query({});
  const results = await Promise.allSettled(
    tabs
      .filter((tab) => tab.id !== undefined && tab.url !== undefined && SCANNABLE.test(tab.url) && !tab.discarded)
      .map(async (tab) => {
        const alive = await sendTabMessage(tab.id!, 'ping', {}).then(
          () => true,
          () => false,
        );
        if (!alive) await browser.scripting.executeScript({ target: { tabId: tab.id!, allFrames: true }, files: files as ScriptPath[] });
      }),
  );
  return results.filter((result) => result.status === 'fulfilled').length;
}
