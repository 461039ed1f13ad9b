// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexedTerm } from '../../lib/highlight/hit-test';
import { createInteraction, type TooltipModel, type TooltipSurface } from '../../lib/highlight/interaction';
import type { EntryCard } from '../../lib/kb/types';

/** The keyboard walk, "show this term", Esc and repaints, with a fake tooltip surface. */
const NAMES = ['Sciatica', 'Frozen shoulder', 'Tennis elbow'];

function setup() {
  document.body.innerHTML = '<p>sciatica</p><p>frozen shoulder</p><p>tennis elbow</p>';
  const terms: IndexedTerm[] = [...document.querySelectorAll('p')].map((p, entry) => {
    const text = p.firstChild as Text;
    const bounds = { startContainer: text, startOffset: 0, endContainer: text, endOffset: text.length };
    return {
      term: { block: { text: text.data, nodes: [text], starts: [0] }, start: 0, end: text.length, entry, form: entry },
      bounds,
      range: (() => {
        // happy-dom has no StaticRange; a live Range stands in.
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, text.length);
        return range;
      })(),
    };
  });
  const shown: TooltipModel[] = [];
  const announced: string[] = [];
  let hidden = 0;
  const surface: TooltipSurface = {
    render: (model) => shown.push(model),
    size: () => ({ width: 300, height: 120 }),
    hide: () => (hidden += 1),
    announce: (text) => announced.push(text),
    isOwnElement: () => false,
  };
  const painter = { hover: vi.fn(), focus: vi.fn() };
  const opened: string[] = [];
  const controller = new AbortController();
  const cardOf = (entry: number): EntryCard => ({ id: NAMES[entry]!.toLowerCase().replace(' ', '-'), name: NAMES[entry]!, category: 'condition', summary: `About ${NAMES[entry]}.`, related: [] });
  let current = terms;
  const interaction = createInteraction({
    document,
    painter,
    terms: () => current,
    index: () => undefined,
    shadowRoots: () => [],
    cardOf,
    loadCard: () => Promise.resolve(undefined),
    settings: () => ({ trigger: 'hover', hoverDelayMs: 300, theme: 'system' }),
    surface,
    openSidePanel: (id) => opened.push(id),
    mute: () => undefined,
    signal: controller.signal,
    requestFrame: (callback) => (callback(), 0),
  });
  const press = (key: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  const lastName = () => shown[shown.length - 1]?.card.name;
  return { interaction, terms, shown, announced, painter, opened, press, lastName, hiddenCount: () => hidden, setTerms: (next: IndexedTerm[]) => (current = next), controller };
}

describe('the keyboard walk', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => {
    ctx = setup();
  });
  afterEach(() => ctx.controller.abort());

  it('focuses the first term and shows its tooltip with keyboard hints, announced to screen readers', () => {
    expect(ctx.interaction.focusFirstTerm()).toBe(true);
    expect(ctx.lastName()).toBe('Sciatica');
    expect(ctx.shown[ctx.shown.length - 1]!.keyboard).toBe(true);
    expect(ctx.painter.focus).toHaveBeenLastCalledWith(ctx.terms[0]!.range);
    expect(ctx.announced[ctx.announced.length - 1]).toBe('Sciatica, condition. About Sciatica.');
  });

  it('moves with N, P and the arrows, and stops at the ends', () => {
    ctx.interaction.focusFirstTerm();
    ctx.press('n');
    expect(ctx.lastName()).toBe('Frozen shoulder');
    ctx.press('ArrowDown');
    expect(ctx.lastName()).toBe('Tennis elbow');
    ctx.press('n');
    expect(ctx.lastName()).toBe('Tennis elbow');
    expect(ctx.announced[ctx.announced.length - 1]).toBe('That was the last term on this page.');
    ctx.press('p');
    ctx.press('ArrowUp');
    expect(ctx.lastName()).toBe('Sciatica');
  });

  it('opens the side panel with Enter and leaves with Esc', () => {
    ctx.interaction.focusFirstTerm();
    ctx.press('n');
    ctx.press('Enter');
    expect(ctx.opened).toEqual(['frozen-shoulder']);
    const before = ctx.hiddenCount();
    ctx.press('Escape');
    expect(ctx.hiddenCount()).toBeGreaterThan(before);
    expect(ctx.painter.focus).toHaveBeenLastCalledWith(null);
    expect(ctx.interaction.isOpen).toBe(false);
  });

  it('leaves the page its keys when no tooltip is open', () => {
    const event = new KeyboardEvent('keydown', { key: 'n', bubbles: true, cancelable: true });
    document.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(ctx.shown).toEqual([]);
  });

  it('says so when the page has no terms', () => {
    ctx.setTerms([]);
    expect(ctx.interaction.focusFirstTerm()).toBe(false);
    expect(ctx.announced).toEqual(['PhysioLens found no terms on this page.']);
  });

  it('closes the tooltip when a repaint removed its term', () => {
    ctx.interaction.focusFirstTerm();
    ctx.setTerms(ctx.terms.slice(1));
    ctx.interaction.refresh();
    expect(ctx.interaction.isOpen).toBe(false);
  });
});

describe('showing a term from the popup', () => {
  afterEach(() => vi.useRealTimers());

  it('flashes the first occurrence, then lets go', () => {
    vi.useFakeTimers();
    const ctx = setup();
    expect(ctx.interaction.showTerm('frozen-shoulder')).toBe(true);
    expect(ctx.painter.focus).toHaveBeenLastCalledWith(ctx.terms[1]!.range);
    vi.advanceTimersByTime(2000);
    expect(ctx.painter.focus).toHaveBeenLastCalledWith(null);
    expect(ctx.interaction.showTerm('no-such-term')).toBe(false);
    ctx.controller.abort();
  });
});
