import { defineContentScript } from 'wxt/utils/define-content-script';
import { highlightEnvironment } from '../../lib/highlight/paint';
import { listenForContentMessages } from '../../lib/messaging/messages';
import { TRAITS } from '../../lib/platform/browser';
import { isSiteDisabled, mutedTerms, readAllSettings, watchAllSettings, type SettingName } from '../../lib/settings/settings';
import { createPageSession } from './session';
import { createTooltipUi } from './tooltip-ui';

/** Frames smaller than this (ads, trackers, widgets) are not worth a scan. */
const MIN_FRAME_WIDTH = 120;
const MIN_FRAME_HEIGHT = 60;
const VALIDITY_CHECK_MS = 2000;

/** Settings that change what is painted or how, without reading the page again. */
const REPAINTING: readonly SettingName[] = ['everyOccurrence', 'shownCategories', 'mutedTerms', 'highlightStyle'];

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  // Chrome: also about:blank, srcdoc and blob frames of matching pages (Firefox has no such key).
  matchOriginAsFallback: { chrome: true, firefox: false },
  // Nothing announces the extension to the page (DESIGN.md decision 10).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const env = highlightEnvironment();
    // Without the Highlight API, do nothing rather than wrap the page's text.
    if (!env) return;
    if (window !== window.top && (window.innerWidth < MIN_FRAME_WIDTH || window.innerHeight < MIN_FRAME_HEIGHT)) return;

    const settings = await readAllSettings();
    if (!ctx.isValid) return;
    const session = createPageSession(ctx, env, createTooltipUi(ctx, TRAITS.panelHint), () => settings, (entryId) => {
      if (!settings.mutedTerms.includes(entryId)) void mutedTerms.set([...settings.mutedTerms, entryId]);
    });
    const apply = (): void => {
      if (settings.highlightEnabled && !isSiteDisabled(location.hostname, settings.disabledSites)) session.start();
      else session.stop();
    };
    ctx.onInvalidated(
      watchAllSettings((name, value) => {
        (settings as Record<SettingName, unknown>)[name] = value;
        if (name === 'highlightEnabled' || name === 'disabledSites') apply();
        else if (REPAINTING.includes(name)) session.repaint();
      }),
    );
    ctx.onInvalidated(
      listenForContentMessages({
        showTermOnPage: ({ entryId }) => ({ found: session.showTerm(entryId) }),
        focusFirstTerm: () => ({ found: session.focusFirstTerm() }),
        ping: () => ({ alive: true }),
      }),
    );
    ctx.addEventListener(window, 'wxt:locationchange', () => session.rescan());
    // When the extension is updated, disabled or removed, this script's context dies silently:
    // looking now and then (WXT's interval checks it) tears everything down within seconds.
    ctx.setInterval(() => undefined, VALIDITY_CHECK_MS);
    apply();
  },
});
