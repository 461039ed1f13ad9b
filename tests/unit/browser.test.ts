import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { traitsOf } from '../../lib/platform/browser';
import { configureSidePanel, openSidePanel, sidePanelRequest } from '../../lib/platform/side-panel';

/** One test per difference between Chrome and Firefox (lib/platform/browser.ts). */
describe('browser differences', () => {
  let sidePanel: { open: ReturnType<typeof vi.fn>; setPanelBehavior: ReturnType<typeof vi.fn> };
  let sidebarAction: { open: ReturnType<typeof vi.fn> };
  beforeEach(() => {
    fakeBrowser.reset();
    sidePanel = { open: vi.fn(() => Promise.resolve()), setPanelBehavior: vi.fn(() => Promise.resolve()) };
    sidebarAction = { open: vi.fn(() => Promise.resolve()) };
    Object.assign(fakeBrowser, { sidePanel, sidebarAction });
  });

  it('names the panel as each browser does, and only Chrome opens it from a click in a page', () => {
    expect(traitsOf('chrome')).toEqual({ panelName: 'side panel', panelOpensFromPageClick: true });
    expect(traitsOf('firefox')).toMatchObject({ panelName: 'sidebar', panelOpensFromPageClick: false });
    expect(traitsOf('firefox').panelHint).toMatch(/sidebar/);
  });

  it('opens the side panel of the tab in Chrome, and the sidebar in Firefox', async () => {
    await openSidePanel({ tabId: 3 }, 'chrome');
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 3 });
    await openSidePanel({ tabId: 3 }, 'firefox');
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
  });

  it('sets the toolbar button to open the popup in Chrome; Firefox has nothing to set', async () => {
    await configureSidePanel('chrome');
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: false });
    await configureSidePanel('firefox');
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledTimes(1);
  });

  it('on "Open in side panel" from a page: Chrome opens the panel; Firefox keeps the entry for the sidebar', async () => {
    const sender = { id: 'x', tab: { id: 4 } } as never;
    expect(await createHandlers(BUNDLED_KB, 'chrome').openSidePanel({ entryId: 'sciatica' }, sender)).toEqual({ opened: true });
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 4 });
    expect(await createHandlers(BUNDLED_KB, 'firefox').openSidePanel({ entryId: 'frozen-shoulder' }, sender)).toEqual({ opened: false });
    expect(sidebarAction.open).not.toHaveBeenCalled();
    expect((await sidePanelRequest.getValue())?.entryId).toBe('frozen-shoulder');
  });
});
