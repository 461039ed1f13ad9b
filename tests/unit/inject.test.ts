import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectIntoOpenTabs } from '../../lib/platform/inject';

/** After an install or update: the content script goes into open tabs that do not answer. */
describe('injecting into open tabs', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('injects into every frame of tabs whose page does not answer a ping, and leaves the rest', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/content.js'] }] } as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 1, url: 'https://example.com/a', discarded: false },
      { id: 2, url: 'https://example.com/b', discarded: false },
      { id: 3, url: 'chrome://settings/', discarded: false },
      { id: 4, url: 'https://example.com/c', discarded: true },
    ] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number) =>
      tabId === 2 ? Promise.resolve({ ok: true, value: { alive: true } }) : Promise.reject(new Error('Receiving end does not exist'))) as never);
    const executeScript = vi.fn(() => Promise.resolve([]));
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    expect(await injectIntoOpenTabs()).toBe(2);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 1, allFrames: true }, files: ['content-scripts/content.js'] });
  });
});
