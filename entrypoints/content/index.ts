import { defineContentScript } from 'wxt/utils/define-content-script';
import { highlightEnvironment } from '../../lib/highlight/paint';
import { disabledSites, everyOccurrence, highlightEnabled, isSiteDisabled, shownCategories } from '../../lib/settings/settings';
import { createPageSession } from './session';
import { createTooltipUi } from './tooltip-ui';

/** Frames smaller than this (ads, trackers, widgets) are not worth a scan. */
const MIN_FRAME_WIDTH = 120;
const MIN_FRAME_HEIGHT = 60;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  // Nothing announces the extension to the page (DESIGN.md decision 10).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const env = highlightEnvironment();
    // Without the Highlight API, do nothing rather than wrap the page's text.
    if (!env) return;
    if (window !== window.top && (window.innerWidth < MIN_FRAME_WIDTH || window.innerHeight < MIN_FRAME_HEIGHT)) return;

    const [enabled, sites, every, categories] = await Promise.all([
      highlightEnabled.get(),
      disabledSites.get(),
      everyOccurrence.get(),
      shownCategories.get(),
    ]);
    const state = { enabled, sites, every, categories };
    const session = createPageSession(ctx, env, createTooltipUi(ctx), { everyOccurrence: every, shownCategories: categories });
    const apply = (): void => {
      if (state.enabled && !isSiteDisabled(location.hostname, state.sites)) session.start();
      else session.stop();
    };
    const updatePainting = (): void => session.update({ everyOccurrence: state.every, shownCategories: state.categories });
    ctx.onInvalidated(
      highlightEnabled.watch((value) => {
        state.enabled = value;
        apply();
      }),
    );
    ctx.onInvalidated(
      disabledSites.watch((value) => {
        state.sites = value;
        apply();
      }),
    );
    ctx.onInvalidated(
      everyOccurrence.watch((value) => {
        state.every = value;
        updatePainting();
      }),
    );
    ctx.onInvalidated(
      shownCategories.watch((value) => {
        state.categories = value;
        updatePainting();
      }),
    );
    ctx.addEventListener(window, 'wxt:locationchange', () => session.rescan());
    apply();
  },
});
