import { browser } from 'wxt/browser';
import type { PageReport, PageTerm } from '../messaging/protocol';

/**
 * What each tab's frames found, kept in `storage.session` (DESIGN.md decision 9: the service
 * worker forgets, storage does not), keyed by tab, then frame. Cleared, with the badge, when the
 * tab starts loading a new page or closes.
 */
export interface TabPage {
  readonly frames: Readonly<Record<string, PageReport & { readonly at: number }>>;
}

export interface TabSummary {
  /** Distinct entries found in any frame, most frequent first. */
  readonly terms: readonly PageTerm[];
  readonly status: PageReport['status'] | 'none';
}

const keyOf = (tabId: number): string => `page:${tabId}`;

export async function readTabPage(tabId: number): Promise<TabPage | undefined> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)];
  return typeof stored === 'object' && stored !== null && typeof (stored as TabPage).frames === 'object' ? (stored as TabPage) : undefined;
}

/**
 * Changes to one tab's page run one after another: the frames of a page report at the same time,
 * and a read-modify-write of the stored page must not lose one frame's report to another's.
 */
const pending = new Map<number, Promise<unknown>>();
function inTurn<T>(tabId: number, change: () => Promise<T>): Promise<T> {
  const previous = pending.get(tabId) ?? Promise.resolve();
  const next = previous.then(change, change);
  pending.set(tabId, next);
  void next.finally(() => {
    if (pending.get(tabId) === next) pending.delete(tabId);
  });
  return next;
}

export function recordFrameReport(tabId: number, frameId: number, report: PageReport): Promise<TabPage> {
  return inTurn(tabId, async () => {
    const page = (await readTabPage(tabId)) ?? { frames: {} };
    const next: TabPage = { frames: { ...page.frames, [String(frameId)]: { ...report, at: Date.now() } } };
    await browser.storage.session.set({ [keyOf(tabId)]: next });
    return next;
  });
}

export function clearTabPage(tabId: number): Promise<void> {
  return inTurn(tabId, () => browser.storage.session.remove(keyOf(tabId)));
}

/** All frames together: counts added up; the top frame's status. */
export function summarizeTabPage(page: TabPage | undefined): TabSummary {
  if (!page) return { terms: [], status: 'none' };
  const counts = new Map<string, number>();
  for (const frame of Object.values(page.frames)) {
    for (const term of frame.terms) counts.set(term.id, (counts.get(term.id) ?? 0) + term.count);
  }
  const terms = [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return { terms, status: page.frames['0']?.status ?? Object.values(page.frames)[0]?.status ?? 'none' };
}

/** The toolbar badge: the number of distinct terms on the page, or nothing. */
export async function showTermCount(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b7a75' });
  await browser.action.setBadgeText({ tabId, text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' });
}

/** Calls back with the tab's page whenever any frame of it reports, and when it is cleared. */
export function watchTabPage(tabId: number, callback: (page: TabPage | undefined) => void): () => void {
  const key = keyOf(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'session' || !(key in changes)) return;
    const value = changes[key]!.newValue;
    callback(typeof value === 'object' && value !== null ? (value as TabPage) : undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
