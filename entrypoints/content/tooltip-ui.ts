import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { clearTooltip, renderTooltip, TOOLTIP_CSS } from '../../components/Tooltip';
import type { TooltipSurface } from '../../lib/highlight/interaction';

/** The extension's one node in a page: a zero-size host whose open shadow root holds the tooltip. */
export const UI_HOST_NAME = 'physiolens-ui';

/** Key events typed in the tooltip stay in it, so page shortcuts do not fire. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'];

// A fixed, zero-size host: it must never cover the page or take its hovers. Inline !important
// declarations win over the page's own rules for the host.
const HOST_STYLE =
  'all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;' +
  'overflow:visible!important;z-index:2147483647!important;display:block!important;contain:none!important;';

export type TooltipUi = TooltipSurface;

/**
 * The host is made here rather than with WXT's createShadowRootUi: the same shadow root in a few
 * lines, without the helpers that weigh about 5 KB gzip in a script every page pays for. It is
 * added on first use, not before. If the page has claimed the element name (a custom element
 * with its own shadow root), a plain <div> host is used instead.
 */
export function createTooltipUi(ctx: ContentScriptContext, sidePanelHint?: string): TooltipUi {
  let host: HTMLElement | undefined;
  let container: HTMLElement | undefined;
  let live: HTMLElement | undefined;

  const mount = (): HTMLElement => {
    if (container && host?.isConnected) return container;
    let shadow: ShadowRoot;
    try {
      host = document.createElement(UI_HOST_NAME);
      shadow = host.attachShadow({ mode: 'open' });
    } catch {
      host = document.createElement('div');
      shadow = host.attachShadow({ mode: 'open' });
    }
    host.setAttribute('style', HOST_STYLE);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(TOOLTIP_CSS);
    shadow.adoptedStyleSheets = [sheet];
    container = document.createElement('div');
    live = document.createElement('div');
    live.className = 'live';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    shadow.append(container, live);
    for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
    (document.body ?? document.documentElement).append(host);
    return container;
  };

  ctx.onInvalidated(() => {
    if (container) clearTooltip(container);
    host?.remove();
    host = undefined;
    container = undefined;
  });

  return {
    render(model, handlers) {
      renderTooltip(mount(), { ...model, ...handlers, ...(sidePanelHint ? { sidePanelHint } : {}) });
    },
    size() {
      const tooltip = container?.firstElementChild as HTMLElement | null | undefined;
      return tooltip ? { width: tooltip.offsetWidth, height: tooltip.offsetHeight } : undefined;
    },
    hide() {
      if (container) clearTooltip(container);
    },
    announce(text) {
      mount();
      if (live) live.textContent = text;
    },
    isOwnElement: (element) => element === host || (host !== undefined && host.contains(element)),
  };
}
