/**
 * Per-keystroke search latency: `npx tsx scripts/bench/search.ts [--json]`.
 *
 * Types 30 queries one character at a time (every prefix is one keystroke, searched as the popup
 * does, 8 results) on the full knowledge base and on a synthetic one ten times larger, and times
 * plain fuse.js over names and terms on the same keystrokes as the reference. Targets: p95 ≤ 2 ms
 * on the full KB and ≤ 50 ms on the synthetic one.
 */
import Fuse from 'fuse.js';
import { pathToFileURL } from 'node:url';
import type { Entry } from '../../lib/kb/types';
import { createSearchIndex } from '../../lib/search/search';
import { loadKb } from '../kb-source';

/** What people type: names, abbreviations, typos, lay phrases, British spellings. */
export const TYPED_QUERIES: readonly string[] = [
  'carpal tunnel syndrome',
  'carple tunel',
  'plantar fascitis',
  'frozen sholder',
  'tenis elbo',
  'siatica',
  'CTS',
  'ROM',
  'pins and needles',
  'slipped disk',
  "runner's knee",
  'tingling in hands',
  'pain down my leg',
  'oedema',
  'physiotherapy',
  'rotater cuff tear',
  'low back pain',
  'knee osteoarthritis',
  'achilies tendon',
  'shin splints',
  'dizzy when rolling over',
  'heel pain in the morning',
  'total knee replacement',
  'fibromyalga',
  'numb fingers at night',
  'whiplash after car crash',
  'dry needling',
  'TENS machine',
  'orthopaedic manual therapy',
  'can not lift my arm',
];

const RESULTS_SHOWN = 8;
const SYNTHETIC_FACTOR = 10;

interface Rounds {
  readonly warmUp: number;
  readonly measured: number;
}

const SEARCH_ROUNDS: Rounds = { warmUp: 2, measured: 3 };
/** Plain fuse takes ≈ 60 ms a keystroke on the synthetic KB: one round is a fair reference and keeps the run short. */
const REFERENCE_ROUNDS: Rounds = { warmUp: 1, measured: 1 };

export interface LatencyFigures {
  readonly p50: number;
  readonly p95: number;
}

export interface KbBench {
  readonly entries: number;
  readonly search: LatencyFigures;
  readonly plainFuse: LatencyFigures;
  /** Plain fuse's p95 over the search's p95: how many times faster the search is. */
  readonly speedupAtP95: number;
}

export interface SearchBench {
  readonly keystrokes: number;
  readonly full: KbBench;
  readonly synthetic: KbBench;
}

type Search = (query: string) => unknown;

/** Every prefix of every query: one search per keystroke. */
export function keystrokesOf(queries: readonly string[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, index) => query.slice(0, index + 1)));
}

/**
 * A knowledge base `factor` times larger: copies of every entry whose ids, names, terms and
 * keywords have their vowels shifted ("carpal tunnel" → "cerpel tannil"), so the copies bring new
 * words, near-misses of real ones, as a larger real vocabulary would.
 */
export function syntheticKb(entries: readonly Entry[], factor: number): Entry[] {
  const copies: Entry[] = [...entries];
  for (let copy = 1; copy < factor; copy++) {
    const alter = (text: string): string => shiftVowels(text, copy);
    for (const entry of entries) {
      copies.push({
        ...entry,
        id: `${entry.id}-copy-${copy}`,
        name: alter(entry.name),
        terms: entry.terms.map((term) => ({ ...term, text: alter(term.text) })),
        keywords: entry.keywords.map(alter),
        summary: alter(entry.summary),
      });
    }
  }
  return copies;
}

function shiftVowels(text: string, by: number): string {
  const vowels = 'aeiou';
  return text.replace(/[aeiou]/g, (vowel) => vowels[(vowels.indexOf(vowel) + by) % vowels.length]!);
}

function plainFuseSearch(entries: readonly Entry[]): Search {
  const fuse = new Fuse(
    entries.map((entry) => ({ name: entry.name, terms: entry.terms.map((term) => term.text) })),
    { keys: ['name', 'terms'], ignoreLocation: true, threshold: 0.4 },
  );
  return (query) => fuse.search(query, { limit: RESULTS_SHOWN });
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** Times each keystroke; a fresh search per round, so nothing cached by an earlier round helps. */
function measure(createSearch: () => Search, keystrokes: readonly string[], rounds: Rounds): LatencyFigures {
  for (let round = 0; round < rounds.warmUp; round++) {
    const search = createSearch();
    for (const keystroke of keystrokes) search(keystroke);
  }
  const samples: number[] = [];
  for (let round = 0; round < rounds.measured; round++) {
    const search = createSearch();
    for (const keystroke of keystrokes) {
      const start = performance.now();
      search(keystroke);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

function benchKb(entries: readonly Entry[], keystrokes: readonly string[]): KbBench {
  const search = measure(() => {
    const index = createSearchIndex(entries);
    return (query) => index.search(query, RESULTS_SHOWN);
  }, keystrokes, SEARCH_ROUNDS);
  const plainFuse = measure(() => plainFuseSearch(entries), keystrokes, REFERENCE_ROUNDS);
  return { entries: entries.length, search, plainFuse, speedupAtP95: plainFuse.p95 / search.p95 };
}

export function benchSearch(entries: readonly Entry[] = loadKb().entries, queries: readonly string[] = TYPED_QUERIES): SearchBench {
  const keystrokes = keystrokesOf(queries);
  return {
    keystrokes: keystrokes.length,
    full: benchKb(entries, keystrokes),
    synthetic: benchKb(syntheticKb(entries, SYNTHETIC_FACTOR), keystrokes),
  };
}

function formatBench(bench: SearchBench): string {
  const ms = (value: number): string => `${value.toFixed(3)} ms`.padStart(10);
  const row = (label: string, kb: KbBench): string[] => [
    `${label} (${kb.entries} entries)`,
    `  search      p50 ${ms(kb.search.p50)}   p95 ${ms(kb.search.p95)}`,
    `  plain fuse  p50 ${ms(kb.plainFuse.p50)}   p95 ${ms(kb.plainFuse.p95)}`,
    `  plain fuse p95 / search p95: ${kb.speedupAtP95.toFixed(1)}×`,
  ];
  return [`${bench.keystrokes} keystrokes, ${RESULTS_SHOWN} results each; search: ${SEARCH_ROUNDS.measured} rounds, plain fuse: ${REFERENCE_ROUNDS.measured}`, ...row('full KB', bench.full), ...row(`synthetic KB ×${SYNTHETIC_FACTOR}`, bench.synthetic)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bench = benchSearch();
  console.log(process.argv.includes('--json') ? JSON.stringify(bench, null, 2) : formatBench(bench));
}
