import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Tooltip, TOOLTIP_CSS, type TooltipProps } from '../../components/Tooltip';

/** The extension's one node in a page: a zero-size host whose open shadow root holds the tooltip. */
export const UI_HOST_NAME = 'physiolens-ui';

export interface TooltipUi {
  show(props: TooltipProps): void;
  hide(): void;
  isOwnElement(element: Element): boolean;
}

export function createTooltipUi(ctx: ContentScriptContext): TooltipUi {
  let mounted: Promise<HTMLElement> | undefined;
  let host: HTMLElement | undefined;
  let visible = false;

  const mount = (): Promise<HTMLElement> => {
    mounted ??= createShadowRootUi(ctx, {
      name: UI_HOST_NAME,
      position: 'inline',
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      css: TOOLTIP_CSS,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((ui) => {
      ui.mount();
      host = ui.shadowHost;
      // A zero-size fixed host: it must never cover the page or take its hovers.
      host.style.cssText = 'position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important;';
      return ui.uiContainer;
    });
    return mounted;
  };

  return {
    show(props) {
      visible = true;
      void mount().then((container) => {
        if (visible) render(<Tooltip {...props} />, container);
      });
    },
    hide() {
      visible = false;
      if (mounted) void mounted.then((container) => render(null, container));
    },
    isOwnElement: (element) => element === host || element.tagName.toLowerCase() === UI_HOST_NAME,
  };
}
