import { defineContentScript } from 'wxt/utils/define-content-script';
import { highlightEnvironment } from '../../lib/highlight/paint';
import { highlightEnabled } from '../../lib/settings/settings';
import { createPageSession } from './session';
import { createTooltipUi } from './tooltip-ui';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Nothing announces the extension to the page (DESIGN.md decision 10).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const env = highlightEnvironment();
    // Without the Highlight API, do nothing rather than wrap the page's text.
    if (!env) return;
    const session = createPageSession(ctx, env, createTooltipUi(ctx));
    const apply = (enabled: boolean): void => (enabled ? session.start() : session.stop());
    ctx.onInvalidated(highlightEnabled.watch(apply));
    ctx.onInvalidated(() => session.stop());
    apply(await highlightEnabled.get());
  },
});
