import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundActions } from '../../entrypoints/background/actions';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { sidePanelRequest } from '../../lib/platform/side-panel';

/** The context menu and the keyboard command, which Playwright cannot press. */
describe('background actions', () => {
  let open: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    open = vi.fn(() => Promise.resolve());
    (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open };
  });
  const actions = createBackgroundActions(BUNDLED_KB);

  it('"Look up" opens the side panel at once, on the best match for the selection', async () => {
    const looking = actions.lookUpSelection('  carpal\ntunnel  ', 5);
    expect(open).toHaveBeenCalledWith({ tabId: 5 });
    expect(await looking).toBe('carpal-tunnel-syndrome');
    expect((await sidePanelRequest.getValue())?.entryId).toBe('carpal-tunnel-syndrome');
  });

  it('"Look up" on a typo still finds the entry', async () => {
    expect(await actions.lookUpSelection('plantar fascitis', 5)).toBe('plantar-fasciitis');
  });

  it('"Look up" with no match asks the panel for the words, which it shows as "not found" with results', async () => {
    expect(await actions.lookUpSelection('zzqx qqwv', 5)).toBe('zzqx-qqwv');
  });

  it('the keyboard command asks the active tab to focus its first term', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { found: true } } as never);
    expect(await actions.walkTerms(9)).toBe(true);
    expect(send).toHaveBeenCalledWith(9, { physiolens: 1, to: 'content', type: 'focusFirstTerm', data: {} }, { frameId: 0 });
  });

  it('the keyboard command does nothing where no content script runs', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await actions.walkTerms(9)).toBe(false);
  });
});
