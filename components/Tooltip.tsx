import type { EntryCard } from '../lib/kb/types';
import { CATEGORY_LABELS } from '../lib/kb/vocabulary';

export interface TooltipProps {
  readonly card: EntryCard;
  /** Viewport position of the tooltip's top-left corner. */
  readonly position: { readonly left: number; readonly top: number };
  readonly onOpenSidePanel: (entryId: string) => void;
  readonly onPointerEnter: () => void;
  readonly onPointerLeave: () => void;
}

export const TOOLTIP_ID = 'physiolens-tooltip';

/** The in-page explanation of a term: name, category, summary, and a way to read more. */
export function Tooltip({ card, position, onOpenSidePanel, onPointerEnter, onPointerLeave }: TooltipProps) {
  return (
    <div
      id={TOOLTIP_ID}
      role="tooltip"
      class="tooltip"
      style={{ left: `${position.left}px`, top: `${position.top}px` }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <div class="tooltip-head">
        <strong class="tooltip-name">{card.name}</strong>
        <span class="chip">{CATEGORY_LABELS[card.category]}</span>
      </div>
      <p class="tooltip-summary">{card.summary}</p>
      <div class="tooltip-actions">
        <button type="button" onClick={() => onOpenSidePanel(card.id)}>
          Open in side panel
        </button>
      </div>
      <p class="tooltip-note">PhysioLens · not medical advice</p>
    </div>
  );
}

/** Styles for the tooltip's shadow root (no page CSS reaches it). */
export const TOOLTIP_CSS = `
:host { all: initial; }
.tooltip {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  width: max-content; max-width: min(360px, calc(100vw - 16px));
  padding: 12px 14px; border-radius: 10px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1b1f24; background: #ffffff; border: 1px solid #c9d3d8;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  pointer-events: auto; text-align: left;
}
.tooltip-head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.tooltip-name { font-size: 15px; }
.chip { font-size: 12px; padding: 1px 8px; border-radius: 999px; background: #e3f2f1; color: #07524e; }
.tooltip-summary { margin: 6px 0 10px; }
.tooltip-actions button {
  font: inherit; font-size: 13px; cursor: pointer; padding: 4px 10px; border-radius: 6px;
  border: 1px solid #0b7a75; background: #0b7a75; color: #ffffff;
}
.tooltip-actions button:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
.tooltip-note { margin: 8px 0 0; font-size: 11px; color: #5b6770; }
@media (prefers-color-scheme: dark) {
  .tooltip { color: #e8edf0; background: #1e2428; border-color: #3b474f; }
  .chip { background: #17403e; color: #bdeae6; }
  .tooltip-note { color: #a4b0b8; }
}
`;
