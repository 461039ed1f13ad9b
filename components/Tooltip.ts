import type { TooltipHandlers, TooltipModel } from '../lib/highlight/interaction';
import { CATEGORY_LABELS } from '../lib/kb/vocabulary';

/**
 * The in-page explanation of a term: name, category, summary, related entries, and ways to read
 * more or mute the term. Hoverable and dismissible (WCAG 1.4.13).
 *
 * Built with plain DOM calls rather than Preact: this is the only UI inside the content script,
 * which every page pays for, and Preact's runtime would take about 4.6 KB gzip of its 40 KB
 * budget. The extension pages use Preact. Text is only ever set as text, never parsed as HTML.
 */
/** What the tooltip shows (the model the interaction controller draws) and what its controls do. */
export interface TooltipProps extends TooltipModel, TooltipHandlers {
  /** Said under the actions when the side panel cannot open from a page click (Firefox). */
  readonly sidePanelHint?: string;
}

export const TOOLTIP_ID = 'physiolens-tooltip';

type Child = Node | string | null | undefined | false;

function el(doc: Document, tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

function on<T extends HTMLElement>(element: T, type: string, listener: (event: Event) => void): T {
  element.addEventListener(type, listener);
  return element;
}

function applyPosition(root: HTMLElement, position: TooltipProps['position']): void {
  root.style.left = `${position?.left ?? 0}px`;
  root.style.top = `${position?.top ?? 0}px`;
  root.style.visibility = position ? 'visible' : 'hidden';
}

/** What a tooltip shows, apart from where: re-rendering the same content only moves it. */
const contentKey = (props: TooltipProps): string =>
  JSON.stringify([props.card, props.theme, props.keyboard, props.sidePanelHint ?? '']);
const rendered = new WeakMap<HTMLElement, { key: string; root: HTMLElement; props: { current: TooltipProps } }>();

/** Renders the tooltip into a container (replacing what was there), or only moves it. */
export function renderTooltip(container: HTMLElement, props: TooltipProps): HTMLElement {
  const previous = rendered.get(container);
  const key = contentKey(props);
  if (previous && previous.key === key && previous.root.parentNode === container) {
    previous.props.current = props;
    applyPosition(previous.root, props.position);
    return previous.root;
  }
  const doc = container.ownerDocument;
  // Handlers read the latest props, so a move-only render still calls the current callbacks.
  const latest = { current: props };
  const { card } = props;
  const button = (label: string, attributes: Record<string, string>, action: () => void) =>
    on(el(doc, 'button', { type: 'button', ...attributes }, label), 'click', action);

  const related =
    card.related.length > 0 &&
    el(
      doc,
      'p',
      { class: 'tooltip-related' },
      el(doc, 'span', { class: 'tooltip-label' }, 'Related: '),
      ...card.related.flatMap((entry, index) => [
        index > 0 ? ', ' : null,
        on(el(doc, 'a', { href: `#physiolens-${entry.id}` }, entry.name), 'click', (event) => {
          event.preventDefault();
          latest.current.onShowRelated(entry.id);
        }),
      ]),
    );
  const keys =
    props.keyboard &&
    el(
      doc,
      'p',
      { class: 'tooltip-keys' },
      el(doc, 'kbd', {}, 'N'),
      '/',
      el(doc, 'kbd', {}, 'P'),
      ' next, previous · ',
      el(doc, 'kbd', {}, 'Enter'),
      ' open · ',
      el(doc, 'kbd', {}, 'Esc'),
      ' close',
    );
  const root = el(
    doc,
    'div',
    { id: TOOLTIP_ID, role: 'tooltip', class: 'tooltip', 'data-theme': props.theme },
    el(
      doc,
      'div',
      { class: 'tooltip-head' },
      el(doc, 'strong', { class: 'tooltip-name' }, card.name),
      el(doc, 'span', { class: 'chip' }, CATEGORY_LABELS[card.category]),
      button('×', { class: 'tooltip-close', 'aria-label': 'Close', title: 'Close (Esc)' }, () => latest.current.onClose()),
    ),
    el(doc, 'p', { class: 'tooltip-summary' }, card.summary || 'Loading the explanation…'),
    related,
    el(
      doc,
      'div',
      { class: 'tooltip-actions' },
      button('Open in side panel', { class: 'primary' }, () => latest.current.onOpenSidePanel(card.id)),
      button('Don’t highlight this term', { class: 'quiet' }, () => latest.current.onMute(card.id)),
    ),
    props.sidePanelHint && el(doc, 'p', { class: 'tooltip-hint' }, props.sidePanelHint),
    keys,
    el(doc, 'p', { class: 'tooltip-note' }, 'PhysioLens · general information, not medical advice'),
  );
  on(root, 'pointerenter', () => latest.current.onPointerEnter());
  on(root, 'pointerleave', () => latest.current.onPointerLeave());
  applyPosition(root, props.position);
  container.replaceChildren(root);
  rendered.set(container, { key, root, props: latest });
  return root;
}

/** Removes the tooltip from its container. */
export function clearTooltip(container: HTMLElement): void {
  container.replaceChildren();
  rendered.delete(container);
}

/**
 * Styles for the tooltip's shadow root (no page CSS reaches it). Sizes in px follow the
 * browser's zoom; colours pass WCAG AA in both themes.
 */
export const TOOLTIP_CSS = `
:host{all:initial}
.tooltip{--bg:#fff;--fg:#1b1f24;--muted:#4d5962;--line:#c9d3d8;--accent:#0b6e69;--accent-fg:#fff;--chip-bg:#e3f2f1;--chip-fg:#07524e;--focus:#b35c00;
position:fixed;z-index:2147483647;box-sizing:border-box;width:max-content;max-width:min(360px,calc(100vw - 16px));padding:12px 14px;border-radius:10px;
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);border:1px solid var(--line);
box-shadow:0 6px 24px rgba(0,0,0,.18);pointer-events:auto;text-align:start;direction:ltr}
.tooltip[data-theme=dark]{--bg:#1e2428;--fg:#e8edf0;--muted:#b4c0c8;--line:#3b474f;--accent:#5fd0c8;--accent-fg:#0b1f1e;--chip-bg:#17403e;--chip-fg:#c8f0ec;--focus:#f2c94c}
@media (prefers-color-scheme:dark){.tooltip[data-theme=system]{--bg:#1e2428;--fg:#e8edf0;--muted:#b4c0c8;--line:#3b474f;--accent:#5fd0c8;--accent-fg:#0b1f1e;--chip-bg:#17403e;--chip-fg:#c8f0ec;--focus:#f2c94c}}
.tooltip-head{display:flex;align-items:baseline;gap:8px;flex-wrap:wrap;padding-right:22px;position:relative}
.tooltip-name{font-size:15px;font-weight:700}
.chip{font-size:12px;padding:1px 8px;border-radius:999px;background:var(--chip-bg);color:var(--chip-fg)}
.tooltip-close{position:absolute;right:-6px;top:-4px;font:inherit;font-size:18px;line-height:1;padding:2px 6px;background:transparent;color:var(--muted);border:0;border-radius:6px;cursor:pointer}
.tooltip-summary{margin:6px 0 8px}
.tooltip-related{margin:0 0 10px;font-size:13px}
.tooltip-label{color:var(--muted)}
.tooltip a{color:var(--accent)}
.tooltip-actions{display:flex;gap:8px;flex-wrap:wrap}
.tooltip-actions button{font:inherit;font-size:13px;cursor:pointer;padding:4px 10px;border-radius:6px;border:1px solid var(--accent)}
.tooltip-actions .primary{background:var(--accent);color:var(--accent-fg)}
.tooltip-actions .quiet{background:transparent;color:var(--accent)}
.tooltip button:focus-visible,.tooltip a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.tooltip-hint,.tooltip-keys{margin:8px 0 0;font-size:12px;color:var(--muted)}
kbd{font:11px ui-monospace,monospace;padding:0 4px;border:1px solid var(--line);border-radius:4px}
.tooltip-note{margin:8px 0 0;font-size:11px;color:var(--muted)}
.live{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
