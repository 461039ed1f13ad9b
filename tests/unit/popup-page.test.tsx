// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../entrypoints/popup/App';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { pageAccessOf, parseSite, whyNotScanned, withSiteOff, withSiteOn, type PageAccess } from '../../lib/platform/page-access';
import { createFakeConnector, FAKE_TAB, type FakeConnectorOptions } from './fake-connector';

afterEach(cleanup);

async function setup(options: FakeConnectorOptions = {}) {
  const connector = createFakeConnector(options);
  render(<PopupApp kb={BUNDLED_KB} connector={connector} />);
  // Settings, the tab and site access arrive asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 40)));
  return { connector, status: () => screen.getByRole('region', { name: 'Page status' }) };
}

describe('why a page is not scanned', () => {
  it.each<[string, string | undefined, PageAccess['kind'], RegExp | undefined]>([
    ['a browser page', 'chrome://settings/', 'browser-page', /page of the browser itself \(chrome:\)/],
    ['an Edge page', 'edge://extensions/', 'browser-page', /page of the browser itself \(edge:\)/],
    ['about:blank', 'about:blank', 'browser-page', /browser itself/],
    ['the Chrome Web Store', 'https://chromewebstore.google.com/detail/x/abc', 'web-store', /extension store/],
    ['the old Web Store', 'https://chrome.google.com/webstore/detail/abc', 'web-store', /extension store/],
    ['a PDF', 'https://example.com/papers/back-pain.pdf', 'pdf', /PDF viewer/],
    ['the PDF viewer itself', 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf', /PDF viewer/],
    ['Google Docs', 'https://docs.google.com/document/d/1abc/edit', 'canvas-editor', /Google Docs draws its text on a canvas/],
    ['an extension page', 'chrome-extension://abcdefghijklmnop/popup.html', 'extension-page', /extension page/],
    ['a hidden address', undefined, 'unknown', /can't see this page/],
    ['an ordinary page', 'https://www.nhs.uk/conditions/sciatica/', 'web', undefined],
    ['Google Drive', 'https://docs.google.com/forms/d/1abc', 'web', undefined],
    ['a file', 'file:///home/me/notes.html', 'file', undefined],
  ])('%s', (_name, url, kind, reason) => {
    const access = pageAccessOf(url);
    expect(access.kind).toBe(kind);
    const why = whyNotScanned(access);
    if (reason) expect(why).toMatch(reason);
    else expect(why).toBeUndefined();
  });

  it.each([
    ['chrome://settings/', /page of the browser itself/],
    ['https://chromewebstore.google.com/', /extension store/],
    ['https://example.com/a.pdf', /PDF viewer/],
    ['https://docs.google.com/document/d/1/edit', /Google Docs/],
  ])('the popup says so for %s, with no site switch', async (url, reason) => {
    const { status } = await setup({ tab: { id: 3, url, loading: false } });
    expect(status().textContent).toMatch(reason);
    expect(screen.queryByRole('switch')).toBeNull();
  });
});

describe('the site list', () => {
  it.each([
    ['a host', 'nhs.uk', 'nhs.uk'],
    ['an address', 'https://www.NHS.uk/conditions/', 'nhs.uk'],
    ['a subdomain', 'health.example.org', 'health.example.org'],
    ['an IP address', '127.0.0.1', '127.0.0.1'],
    ['a word', 'hello', undefined],
    ['blank', '  ', undefined],
    ['markup', '<b>x</b>.com', undefined],
  ])('reads %s typed by a person', (_name, typed, site) => {
    expect(parseSite(typed)).toBe(site);
  });

  it('switches a host off and on again, including a listed parent domain', () => {
    expect(withSiteOff([], 'www.example.com')).toEqual(['example.com']);
    expect(withSiteOff(['example.com'], 'www.example.com')).toEqual(['example.com']);
    expect(withSiteOn(['nhs.uk', 'other.org'], 'www.nhs.uk')).toEqual(['other.org']);
  });
});

describe('the popup page status', () => {
  it('switches highlighting off and on for the current site', async () => {
    const { connector, status } = await setup();
    const toggle = screen.getByRole('switch', { name: 'Highlight terms on example.com' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(connector.settings.disabledSites).toEqual(['example.com']));
    expect(status().textContent).toContain('Off on this site');
    fireEvent.click(screen.getByRole('switch', { name: 'Highlight terms on example.com' }));
    await waitFor(() => expect(connector.settings.disabledSites).toEqual([]));
  });

  it('says how many terms were found', async () => {
    const { status } = await setup({ pageTerms: [{ id: 'sciatica', count: 2 }, { id: 'tens', count: 1 }] });
    expect(status().textContent).toContain('On. 2 terms found on this page.');
  });

  it('offers a reload for a page that never reported', async () => {
    const { connector } = await setup({ pageStatus: 'none' });
    fireEvent.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(connector.calls).toEqual([`reloadTab:${FAKE_TAB.id}`]);
  });

  it('asks for site access the user withheld, then offers a reload', async () => {
    const { connector, status } = await setup({ siteAccess: false, grantsAccess: true });
    expect(status().textContent).toContain('You haven’t allowed PhysioLens to read example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Allow on example.com' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy());
    expect(connector.calls[0]).toBe('requestSiteAccess:https://example.com');
  });

  it('says when files may not be read', async () => {
    const { status } = await setup({ tab: { id: 4, url: 'file:///home/me/notes.html', loading: false }, fileAccess: false });
    expect(status().textContent).toContain('Allow access to file URLs');
  });

  it('turns highlighting back on when it is off everywhere', async () => {
    const { connector } = await setup({ settings: { highlightEnabled: false } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn highlighting on' }));
    await waitFor(() => expect(connector.settings.highlightEnabled).toBe(true));
    expect(screen.getByRole('switch', { name: 'Highlight terms on example.com' })).toBeTruthy();
  });

  it('links to the settings', async () => {
    const { connector } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(connector.calls).toEqual(['openOptions']);
  });
});

describe('the popup lists', () => {
  it('lists the terms on the page with counts; choosing one shows it on the page', async () => {
    const { connector } = await setup({ pageTerms: [{ id: 'sciatica', count: 3 }, { id: 'tens', count: 1 }] });
    const list = screen.getByRole('region', { name: 'On this page' });
    const show = within(list).getByRole('button', { name: 'Sciatica, found 3 times: show it on the page' });
    expect(within(list).getByRole('button', { name: /^Transcutaneous electrical nerve stimulation, found once/ })).toBeTruthy();
    fireEvent.click(show);
    await waitFor(() => expect(within(list).getByText('Showing Sciatica on the page.')).toBeTruthy());
    expect(connector.calls).toEqual([`showTermOnPage:${FAKE_TAB.id}:sciatica`]);
    fireEvent.click(within(list).getByRole('button', { name: 'Read about Sciatica' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Sciatica' })).toBeTruthy();
  });

  it('says so when a term cannot be shown', async () => {
    await setup({ pageTerms: [{ id: 'sciatica', count: 1 }], termOnPage: 'no-page' });
    fireEvent.click(screen.getByRole('button', { name: /^Sciatica, found once/ }));
    await waitFor(() => expect(screen.getByText(/Sciatica could not be shown/)).toBeTruthy());
  });

  it('shows recent and popular entries while the box is empty, and remembers what is opened', async () => {
    const { connector } = await setup({ recent: ['tennis-elbow', 'no-such-entry'] });
    const recent = screen.getByRole('region', { name: 'Recent' });
    expect(within(recent).getAllByRole('link').map((link) => link.textContent)).toEqual(['Tennis elbow']);
    const popular = screen.getByRole('region', { name: 'Popular' });
    fireEvent.click(within(popular).getAllByRole('link')[0]!);
    await act(() => Promise.resolve());
    expect(connector.recent[0]).toBe('low-back-pain');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(within(screen.getByRole('region', { name: 'Recent' })).getAllByRole('link')[0]!.textContent).toBe('Low back pain');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'knee' } });
    expect(screen.queryByRole('region', { name: 'Recent' })).toBeNull();
  });

  it('Esc closes an entry and goes back to the search, with the query kept', async () => {
    await setup();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'sciatica' } });
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Enter' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Sciatica' }));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('sciatica');
  });

  it('"Open in side panel" opens the panel on the entry', async () => {
    const { connector } = await setup();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'frozen shoulder' } });
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Enter' });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    await waitFor(() => expect(connector.calls).toEqual(['openSidePanel:frozen-shoulder']));
    expect(close).toHaveBeenCalled();
    close.mockRestore();
  });
});
