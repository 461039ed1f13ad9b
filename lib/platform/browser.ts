/**
 * The few places where Chrome and Firefox differ, each as one value or function with a test per
 * difference (tests/unit/browser.test.ts), instead of `if (firefox)` across the UI.
 */
export type BrowserName = 'chrome' | 'firefox';

/** The browser this build is for (WXT sets it per target). */
export const CURRENT_BROWSER: BrowserName = import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

export interface BrowserTraits {
  /** What the browser calls the panel beside the page. */
  readonly panelName: 'side panel' | 'sidebar';
  /**
   * Can a click inside a web page open that panel? Chrome counts the click, forwarded by the
   * background; Firefox does not, so there the tooltip says how to open the sidebar instead.
   */
  readonly panelOpensFromPageClick: boolean;
  /** Shown in the tooltip where the panel cannot open from it. */
  readonly panelHint?: string;
}

export function traitsOf(browser: BrowserName): BrowserTraits {
  return browser === 'firefox'
    ? {
        panelName: 'sidebar',
        panelOpensFromPageClick: false,
        panelHint: 'Firefox opens the sidebar from the PhysioLens button, the right-click menu or Alt+Shift+Y; it then shows this entry.',
      }
    : { panelName: 'side panel', panelOpensFromPageClick: true };
}

export const TRAITS = traitsOf(CURRENT_BROWSER);
