// @vitest-environment happy-dom
import { getByRole, queryByRole } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { clearTooltip, renderTooltip, type TooltipProps } from '../../components/Tooltip';

const card = {
  id: 'sciatica',
  name: 'Sciatica',
  category: 'condition' as const,
  summary: 'Pain that runs from the low back down the leg.',
  related: [
    { id: 'herniated-disc', name: 'Herniated disc' },
    { id: 'straight-leg-raise', name: 'Straight leg raise test' },
  ],
};

function setup(overrides: Partial<TooltipProps> = {}) {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const actions = {
    onOpenSidePanel: vi.fn(),
    onMute: vi.fn(),
    onShowRelated: vi.fn(),
    onClose: vi.fn(),
    onPointerEnter: vi.fn(),
    onPointerLeave: vi.fn(),
  };
  const props: TooltipProps = { card, position: { left: 10, top: 20 }, theme: 'system', keyboard: false, ...actions, ...overrides };
  const root = renderTooltip(container, props);
  return { container, root, actions, props };
}

describe('the tooltip component', () => {
  it('shows name, category, summary, related entries and a not-medical-advice note, as a tooltip', () => {
    const { container } = setup();
    const tooltip = getByRole(container, 'tooltip');
    expect(tooltip.textContent).toContain('Sciatica');
    expect(tooltip.textContent).toContain('Condition');
    expect(tooltip.textContent).toContain('Pain that runs from the low back down the leg.');
    expect(tooltip.textContent).toContain('not medical advice');
    expect(getByRole(container, 'link', { name: 'Herniated disc' })).toBeTruthy();
  });

  it('calls its actions with the entry id', () => {
    const { container, actions } = setup();
    getByRole(container, 'button', { name: 'Open in side panel' }).click();
    getByRole(container, 'button', { name: 'Don’t highlight this term' }).click();
    getByRole(container, 'link', { name: 'Straight leg raise test' }).click();
    getByRole(container, 'button', { name: 'Close' }).click();
    expect(actions.onOpenSidePanel).toHaveBeenCalledWith('sciatica');
    expect(actions.onMute).toHaveBeenCalledWith('sciatica');
    expect(actions.onShowRelated).toHaveBeenCalledWith('straight-leg-raise');
    expect(actions.onClose).toHaveBeenCalled();
  });

  it('is hidden while it is measured, then placed', () => {
    const { container, props } = setup({ position: null });
    // Hidden from assistive technology too while it is measured.
    expect(queryByRole(container, 'tooltip')).toBeNull();
    const tooltip = getByRole(container, 'tooltip', { hidden: true });
    expect(tooltip.style.visibility).toBe('hidden');
    const moved = renderTooltip(container, { ...props, position: { left: 42, top: 7 } });
    expect(moved).toBe(tooltip);
    expect(tooltip.style.left).toBe('42px');
    expect(tooltip.style.visibility).toBe('visible');
  });

  it('shows the keys of the keyboard walk only when opened from the keyboard', () => {
    expect(setup().container.textContent).not.toContain('next, previous');
    expect(setup({ keyboard: true }).container.textContent).toContain('next, previous');
  });

  it('renders markup in KB text as text, never as HTML', () => {
    const { container } = setup({ card: { ...card, name: '<img src=x onerror=alert(1)>', summary: '<b>bold</b>' } });
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('says it is loading while the summary is on its way, and takes the theme', () => {
    const { container } = setup({ card: { ...card, summary: '', related: [] }, theme: 'dark' });
    expect(container.textContent).toContain('Loading the explanation');
    expect(getByRole(container, 'tooltip').getAttribute('data-theme')).toBe('dark');
    expect(queryByRole(container, 'link')).toBeNull();
  });

  it('can be cleared', () => {
    const { container } = setup();
    clearTooltip(container);
    expect(queryByRole(container, 'tooltip')).toBeNull();
  });
});
