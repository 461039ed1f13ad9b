import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { budget, ms, times, type Measurement, type Row } from './report';

/**
 * HOOK for the search benchmark: scripts/bench/search.ts (written apart from this harness)
 * exports `benchSearch()`. It is imported dynamically and its result checked at run time, so
 * this harness runs whether or not that module is there and whatever else it grows; when it is
 * missing, or gives something unexpected, the table says "search: not available".
 */
export const SEARCH_P95_BUDGET_MS = 2;

interface Latency {
  readonly p50: number;
  readonly p95: number;
}

interface KbLatency {
  readonly entries: number;
  readonly search: Latency;
  readonly plainFuse?: Latency;
}

export interface SearchResult {
  readonly keystrokes?: number;
  readonly full: KbLatency;
  readonly synthetic: KbLatency;
}

export type SearchOutcome = { readonly available: true; readonly result: SearchResult } | { readonly available: false; readonly reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isLatency = (value: unknown): value is Latency => isObject(value) && typeof value.p50 === 'number' && typeof value.p95 === 'number';
const isKbLatency = (value: unknown): value is KbLatency =>
  isObject(value) && typeof value.entries === 'number' && isLatency(value.search) && (value.plainFuse === undefined || isLatency(value.plainFuse));
const isSearchResult = (value: unknown): value is SearchResult => isObject(value) && isKbLatency(value.full) && isKbLatency(value.synthetic);

export async function benchSearchIfPresent(): Promise<SearchOutcome> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(join(import.meta.dirname, 'search.ts')).href)) as Record<string, unknown>;
  } catch (error) {
    return { available: false, reason: `scripts/bench/search.ts could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  const benchSearch = module.benchSearch;
  if (typeof benchSearch !== 'function') return { available: false, reason: 'scripts/bench/search.ts exports no benchSearch()' };
  const result: unknown = await (benchSearch as () => unknown)();
  if (!isSearchResult(result)) return { available: false, reason: 'benchSearch() returned an unexpected shape' };
  return { available: true, result };
}

function kbRow(label: string, kb: KbLatency): Row {
  return {
    what: `search per keystroke, ${label} (${kb.entries} entries)`,
    result: `p50 ${ms(kb.search.p50)}, p95 ${ms(kb.search.p95)}`,
    ...(kb.plainFuse
      ? { reference: `plain fuse.js p50 ${ms(kb.plainFuse.p50)}, p95 ${ms(kb.plainFuse.p95)}`, ratio: `${times(kb.plainFuse.p95 / kb.search.p95)} faster at p95` }
      : {}),
  };
}

export function searchMeasurement(outcome: SearchOutcome, extraRows: readonly Row[]): Measurement<SearchOutcome> {
  if (!outcome.available) {
    return {
      figures: outcome,
      section: { title: 'Search', rows: [{ what: 'search', result: 'not available', note: outcome.reason }, ...extraRows] },
      budgets: [budget('search p95 per keystroke (full KB)', `≤ ${ms(SEARCH_P95_BUDGET_MS)}`, 'n/a', undefined, outcome.reason)],
    };
  }
  const { full, synthetic, keystrokes } = outcome.result;
  return {
    figures: outcome,
    section: {
      title: `Search (scripts/bench/search.ts: ${keystrokes ?? 'every'} keystrokes of typed queries, in Node) and the popup in Chromium`,
      rows: [kbRow('full KB', full), kbRow('synthetic KB ×10', synthetic), ...extraRows],
    },
    budgets: [budget('search p95 per keystroke (full KB)', `≤ ${ms(SEARCH_P95_BUDGET_MS)}`, ms(full.search.p95), full.search.p95 <= SEARCH_P95_BUDGET_MS)],
  };
}
