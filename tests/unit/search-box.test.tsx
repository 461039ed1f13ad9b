// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazySearchIndex } from '../../components/lazy-index';
import { Search } from '../../components/Search';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import type { Entry } from '../../lib/kb/types';

afterEach(cleanup);

function setup(props: { clearOnChoose?: boolean } = {}) {
  const chosen: Entry[] = [];
  const index = lazySearchIndex(BUNDLED_KB.entries);
  render(<Search index={index} onChoose={(entry) => chosen.push(entry)} autoFocus {...props} />);
  const box = screen.getByRole('searchbox', { name: 'Search physical-therapy terms' });
  const type = (text: string) => fireEvent.input(box, { target: { value: text } });
  return { box, chosen, type, index };
}

describe('the search box', () => {
  it('builds the index only when something is typed', () => {
    const { index, type } = setup();
    expect(index.ready).toBe(false);
    type('   ');
    expect(index.ready).toBe(false);
    type('knee');
    expect(index.ready).toBe(true);
  });

  it('finds tennis elbow from "tenis elbo"', () => {
    const { type } = setup();
    type('tenis elbo');
    expect(screen.getAllByRole('option')[0]!.textContent).toContain('Tennis elbow');
    expect(screen.getByRole('listbox', { name: 'Results' })).toBeTruthy();
  });

  it('says how many results there are, for screen readers', () => {
    const { type } = setup();
    type('knee');
    const count = screen.getAllByRole('option').length;
    expect(screen.getByRole('status').textContent).toMatch(new RegExp(`^${count} results`));
  });

  it('moves with ↑ ↓, wraps around, and opens the active result with Enter', () => {
    const { box, type, chosen } = setup();
    type('knee');
    const options = () => screen.getAllByRole('option');
    const last = options().length - 1;
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(options()[last]!.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[last]!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    const name = options()[1]!.querySelector('.result-name')!.textContent;
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(chosen.map((entry) => entry.name)).toEqual([name]);
  });

  it('Esc empties the box and closes the results', () => {
    const { box, type } = setup();
    type('sciatica');
    expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('opens a result with a click, and can empty itself after', () => {
    const { box, type, chosen } = setup({ clearOnChoose: true });
    type('sciatica');
    fireEvent.click(screen.getByRole('option', { name: /Sciatica/ }));
    expect(chosen[0]!.id).toBe('sciatica');
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('says so when nothing matches', () => {
    const { type } = setup();
    type('qqqqzzzz');
    expect(screen.getByRole('status').textContent).toContain('No entries match “qqqqzzzz”');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });
});
