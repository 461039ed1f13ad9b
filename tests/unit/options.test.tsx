// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../entrypoints/options/App';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { CATEGORIES, CATEGORY_LABELS } from '../../lib/kb/vocabulary';
import { ALL_SETTINGS, type SettingName, type SettingValues } from '../../lib/settings/settings';
import { SETTING_TEXTS } from '../../lib/settings/texts';
import { createFakeConnector } from './fake-connector';

afterEach(cleanup);

async function setup(settings: Partial<SettingValues> = {}, lastVisitedHost?: string) {
  const connector = createFakeConnector({ settings, lastVisitedHost });
  render(<OptionsApp kb={BUNDLED_KB} connector={connector} />);
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  return { connector, block: (name: string) => document.querySelector<HTMLElement>(`[data-setting="${name}"]`)! };
}

describe('the options page', () => {
  it('shows every setting of ALL_SETTINGS with its label and description', async () => {
    const { block } = await setup();
    for (const name of Object.keys(ALL_SETTINGS) as SettingName[]) {
      const shown = block(name);
      expect(shown, name).toBeTruthy();
      expect(shown.textContent, name).toContain(SETTING_TEXTS[name].label);
      expect(shown.textContent, name).toContain(SETTING_TEXTS[name].description);
    }
    expect(document.querySelectorAll('[data-setting]')).toHaveLength(Object.keys(ALL_SETTINGS).length);
  });

  it('names every control', async () => {
    await setup();
    for (const control of document.querySelectorAll('input')) {
      const labelled = control.closest('label') ?? document.querySelector(`label[for="${control.id}"]`);
      expect(labelled, control.outerHTML).toBeTruthy();
    }
  });

  it('switches highlighting and the badge', async () => {
    const { connector } = await setup();
    fireEvent.click(screen.getByRole('switch', { name: 'Highlight terms on pages' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Count terms on the toolbar button' }));
    await waitFor(() => expect(connector.settings.highlightEnabled).toBe(false));
    expect(connector.settings.showBadge).toBe(false);
    expect(screen.getByText(/^Saved:/)).toBeTruthy();
  });

  it('adds and removes sites, with the last site visited one click away', async () => {
    const { connector } = await setup({}, 'www.nhs.uk');
    fireEvent.click(screen.getByRole('button', { name: 'Turn off on nhs.uk' }));
    await waitFor(() => expect(connector.settings.disabledSites).toEqual(['nhs.uk']));
    expect(screen.queryByRole('button', { name: 'Turn off on nhs.uk' })).toBeNull();
    const input = screen.getByRole('textbox', { name: 'Add a site' });
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText(/is not a site name/)).toBeTruthy();
    fireEvent.input(input, { target: { value: 'https://www.example.org/page' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(connector.settings.disabledSites).toEqual(['nhs.uk', 'example.org']));
    fireEvent.click(screen.getByRole('button', { name: 'Remove nhs.uk' }));
    await waitFor(() => expect(connector.settings.disabledSites).toEqual(['example.org']));
  });

  it('chooses the kinds of terms to highlight', async () => {
    const { connector } = await setup();
    const group = screen.getByRole('group', { name: SETTING_TEXTS.shownCategories.label });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(CATEGORIES.length);
    fireEvent.click(within(group).getByRole('checkbox', { name: CATEGORY_LABELS.anatomy }));
    await waitFor(() => expect(connector.settings.shownCategories).toEqual(CATEGORIES.filter((category) => category !== 'anatomy')));
  });

  it('chooses first occurrence or all, the style (with a preview of each), the trigger and the theme', async () => {
    const { connector } = await setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Every time a term appears' }));
    const style = screen.getByRole('group', { name: SETTING_TEXTS.highlightStyle.label });
    expect(style.querySelectorAll('.preview')).toHaveLength(3);
    expect(style.querySelector('.preview-underline')!.textContent).toBe('sciatica');
    fireEvent.click(within(style).getByRole('radio', { name: /Background tint/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Clicking a term' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(connector.settings.theme).toBe('dark'));
    expect(connector.settings).toMatchObject({ everyOccurrence: true, highlightStyle: 'tint', tooltipTrigger: 'click' });
    expect(document.documentElement.dataset.theme).toBe('dark');
    fireEvent.click(screen.getByRole('radio', { name: 'Same as the system' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
  });

  it('sets the tooltip delay with a slider that says its value', async () => {
    const { connector } = await setup();
    const slider = screen.getByRole('slider', { name: 'Tooltip delay' });
    expect(slider.getAttribute('aria-valuetext')).toBe('300 milliseconds');
    fireEvent.input(slider, { target: { value: '1200' } });
    expect(slider.getAttribute('aria-valuetext')).toBe('1200 milliseconds (1.2 s)');
    fireEvent.change(slider, { target: { value: '1200' } });
    await waitFor(() => expect(connector.settings.hoverDelayMs).toBe(1200));
  });

  it('lists muted terms by name, each with Restore', async () => {
    const { connector } = await setup({ mutedTerms: ['sciatica', 'tens'] });
    fireEvent.click(screen.getByRole('button', { name: 'Restore Sciatica' }));
    await waitFor(() => expect(connector.settings.mutedTerms).toEqual(['tens']));
  });

  it('asks before resetting every setting; Cancel and Esc leave them', async () => {
    const { connector } = await setup({ highlightEnabled: false, disabledSites: ['nhs.uk'] });
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset every setting?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(connector.settings.highlightEnabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(connector.settings.highlightEnabled).toBe(true));
    expect(connector.settings.disabledSites).toEqual([]);
    expect((screen.getByRole('switch', { name: 'Highlight terms on pages' }) as HTMLInputElement).checked).toBe(true);
  });
});
