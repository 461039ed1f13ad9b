// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { back, canGoBack, canGoForward, currentRoute, forward, hashOf, push, replace, routeFromHash, startAt, type Route } from '../../components/navigation';
import { SidePanelApp } from '../../entrypoints/sidepanel/App';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { CATEGORIES, CATEGORY_LABELS } from '../../lib/kb/vocabulary';
import { createFakeConnector, FAKE_TAB, type FakeConnectorOptions } from './fake-connector';

afterEach(cleanup);

function setup(options: FakeConnectorOptions = {}, initialRoute?: Route) {
  const connector = createFakeConnector(options);
  render(<SidePanelApp kb={BUNDLED_KB} connector={connector} initialRoute={initialRoute} />);
  return { connector };
}

const entryHeading = () => screen.getByRole('article').querySelector('h2')!.textContent;
const pressAlt = (key: 'ArrowLeft' | 'ArrowRight') => fireEvent.keyDown(window, { key, altKey: true });

describe('the side panel home', () => {
  it('offers search, every category, the body map and an A–Z index', () => {
    setup();
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    for (const category of CATEGORIES) {
      expect(screen.getByRole('button', { name: new RegExp(`^${CATEGORY_LABELS[category]} \\(\\d+\\)$`) })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Knee' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^K: \d+ entries$/ })).toBeTruthy();
  });

  it('lists a category, and a letter of the A–Z index', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: /^Treatment \(/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Treatment' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dry needling' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Home' }));
    fireEvent.click(screen.getByRole('button', { name: /^T: / }));
    expect(screen.getByRole('heading', { level: 2, name: 'A–Z: T' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tennis elbow' })).toBeTruthy();
  });

  it('browses the knee region and reads an entry from it', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Knee' }));
    fireEvent.click(within(screen.getByRole('region', { name: 'Knee' })).getByRole('link', { name: 'Meniscus tear' }));
    expect(entryHeading()).toBe('Meniscus tear');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Meniscus tear' }));
    // Back returns to the map with the knee still chosen.
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('button', { name: 'Knee', pressed: true })).toBeTruthy();
  });
});

describe('entries in the side panel', () => {
  it('searches, follows two related links, and comes back with the buttons and Alt+← / Alt+→', () => {
    setup();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'tenis elbo' } });
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Enter' });
    expect(entryHeading()).toBe('Tennis elbow');
    const names: string[] = ['Tennis elbow'];
    for (let step = 0; step < 2; step++) {
      const link = within(screen.getByRole('navigation', { name: 'Related entries' })).getAllByRole('link')[0]!;
      names.push(link.textContent!);
      fireEvent.click(link);
      expect(entryHeading()).toBe(names[names.length - 1]);
    }
    expect(screen.getByRole('button', { name: 'Forward' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(entryHeading()).toBe(names[1]);
    pressAlt('ArrowLeft');
    expect(entryHeading()).toBe(names[0]);
    pressAlt('ArrowRight');
    expect(entryHeading()).toBe(names[1]);
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    expect(entryHeading()).toBe(names[2]);
  });

  it('remembers the entries read', async () => {
    const { connector } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Knee' }));
    fireEvent.click(screen.getByRole('link', { name: 'Meniscus tear' }));
    await act(() => Promise.resolve());
    expect(connector.recent).toEqual(['meniscus-tear']);
  });

  it('shows the entry the tooltip or popup asks for', () => {
    const { connector } = setup();
    act(() => connector.requestSidePanelEntry('sciatica'));
    expect(entryHeading()).toBe('Sciatica');
    act(() => connector.requestSidePanelEntry('plantar-fasciitis'));
    expect(entryHeading()).toBe('Plantar fasciitis');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(entryHeading()).toBe('Sciatica');
  });

  it('answers an unknown id with "not found" and search results for it, never a blank panel', () => {
    setup({}, { view: 'entry', id: 'tenis-elbo' });
    expect(screen.getByRole('heading', { level: 2, name: 'Entry not found' })).toBeTruthy();
    expect(screen.getByText(/There is no entry “tenis-elbo”/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tennis elbow' })).toBeTruthy();
  });
});

describe('"On this page" in the side panel', () => {
  it('lists the terms found in the active tab, and follows the tab and its page', () => {
    const { connector } = setup({ pageTerms: [{ id: 'sciatica', count: 3 }, { id: 'carpal-tunnel-syndrome', count: 1 }] });
    const section = () => screen.getByRole('region', { name: 'On this page' });
    expect(within(section()).getAllByRole('link').map((link) => link.textContent)).toEqual(['Sciatica', 'Carpal tunnel syndrome']);
    expect(within(section()).getByText('found 3 times')).toBeTruthy();
    act(() => connector.setPageTerms({ terms: [{ id: 'tennis-elbow', count: 2 }], status: 'ready' }));
    expect(within(section()).getAllByRole('link').map((link) => link.textContent)).toEqual(['Tennis elbow']);
    act(() => connector.setActiveTab({ id: 99, url: 'chrome://settings/', loading: false }));
    expect(within(section()).queryAllByRole('link')).toHaveLength(0);
    expect(within(section()).getByText(/page of the browser itself/)).toBeTruthy();
  });

  it('shows a term on the page', async () => {
    const { connector } = setup({ pageTerms: [{ id: 'sciatica', count: 1 }] });
    fireEvent.click(screen.getByRole('button', { name: 'Show Sciatica on the page' }));
    await act(() => Promise.resolve());
    expect(connector.calls).toEqual([`showTermOnPage:${FAKE_TAB.id}:sciatica`]);
    expect(screen.getByText('Showing Sciatica on the page.')).toBeTruthy();
  });
});

describe('the panel’s history', () => {
  const entry = (id: string): Route => ({ view: 'entry', id });
  it('goes back and forward, and a new step drops the steps ahead', () => {
    let history = push(push(startAt(), entry('a')), entry('b'));
    expect(currentRoute(history)).toEqual(entry('b'));
    history = back(back(history));
    expect(currentRoute(history)).toEqual({ view: 'home' });
    expect(canGoBack(history)).toBe(false);
    expect(back(history)).toBe(history);
    history = push(forward(history), entry('c'));
    expect(history.routes).toEqual([{ view: 'home' }, entry('a'), entry('c')]);
    expect(canGoForward(history)).toBe(false);
  });

  it('does not repeat the step it is on, and replaces a step in place', () => {
    const history = push(startAt(), entry('a'));
    expect(push(history, entry('a'))).toBe(history);
    expect(replace(startAt(), { view: 'home', region: 'knee' }).routes).toEqual([{ view: 'home', region: 'knee' }]);
  });

  it.each<[string, Route | undefined]>([
    ['#entry/sciatica', { view: 'entry', id: 'sciatica' }],
    ['#region/knee', { view: 'home', region: 'knee' }],
    ['#category/treatment', { view: 'category', category: 'treatment' }],
    ['#letter/k', { view: 'letter', letter: 'K' }],
    ['', { view: 'home' }],
    ['#region/whole-body', undefined],
    ['#category/spells', undefined],
    ['#entry/<script>', undefined],
  ])('reads the address fragment %j', (hash, route) => {
    expect(routeFromHash(hash)).toEqual(route);
    if (route && hash) expect(hashOf(route).toLowerCase()).toBe(hash.toLowerCase());
  });
});
