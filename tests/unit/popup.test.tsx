// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../entrypoints/popup/App';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { createFakeConnector } from './fake-connector';

afterEach(cleanup);

function setup() {
  const connector = createFakeConnector();
  render(<PopupApp kb={BUNDLED_KB} connector={connector} />);
  return { connector, search: screen.getByRole('searchbox', { name: 'Search physical-therapy terms' }) };
}

describe('the popup search', () => {
  it('focuses the search box on open', () => {
    const { search } = setup();
    expect(document.activeElement).toBe(search);
  });

  it('shows results as you type, tolerant of typos', () => {
    const { search } = setup();
    fireEvent.input(search, { target: { value: 'siatica' } });
    const options = screen.getAllByRole('option');
    expect(options[0]!.textContent).toContain('Sciatica');
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('moves through results with the arrow keys and opens one with Enter', () => {
    const { search } = setup();
    fireEvent.input(search, { target: { value: 'knee' } });
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    const second = screen.getAllByRole('option')[1]!;
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(search.getAttribute('aria-activedescendant')).toBe(second.id);
    const name = second.querySelector('.result-name')!.textContent!;
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(name);
  });

  it('shows the chosen entry and opens the side panel on it', async () => {
    const { search, connector } = setup();
    fireEvent.input(search, { target: { value: 'sciatica' } });
    fireEvent.click(screen.getAllByRole('option')[0]!);
    expect(screen.getByRole('heading', { level: 2, name: 'Sciatica' })).toBeTruthy();
    expect(screen.getByText(/What it is/)).toBeTruthy();
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    await waitFor(() => expect(connector.calls).toEqual(['openSidePanel:sciatica']));
    close.mockRestore();
  });

  it('says so when nothing matches', () => {
    const { search } = setup();
    fireEvent.input(search, { target: { value: 'qqqqzzzz' } });
    expect(screen.getByRole('status').textContent).toContain('No entries match');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });
});
