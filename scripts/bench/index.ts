/**
 * `npm run bench`: where PhysioLens stands against the alternatives, in one table.
 *
 *   npm run bench                      build, measure, print the table
 *   npm run bench -- --check           … and exit 1 when a budget is missed or a measurement failed
 *   npm run -s bench -- --json         the figures as JSON on stdout (the table goes to stderr)
 *   npm run bench -- --json=out.json   the figures as JSON in a file
 *   npm run bench -- --only=matcher,search,browser,size   a part only (while working on it)
 *
 * Speed is judged as ratios to a reference measured in the same run (a naive RegExp, a TreeWalker
 * pass, mark.js, plain fuse.js); absolute times are reported but not judged, since this runs on
 * a shared, noisy 2-core machine. Budgets: the matcher ≥ 10× the naive RegExp; the scan's
 * main-thread time ≤ 10× the TreeWalker floor and ≥ 5× less than mark.js (1 MB page); no long
 * task over 50 ms caused by the extension; search p95 ≤ 2 ms per keystroke; content script
 * ≤ 40 KB gzip; zip ≤ 1.5 MB. The whole run takes a few minutes.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPageServer } from '../../tests/e2e/server';
import { EXTENSION_DIR, launchWithExtension, launchWithoutExtension } from './browser';
import { hoverMeasurement, measureHover, type HoverFigures } from './hover';
import { benchMatcher } from './matcher';
import { heapAfterGc, memoryMeasurement, type HeapReading } from './memory';
import { openPlainPage, openScannedPage } from './page-loads';
import { writePages } from './pages';
import { measurePopup, popupRow, type PopupFigures } from './popup';
import { measureRanges, rangesMeasurement, type RangeFigures } from './ranges';
import { probeInitScript } from './probe';
import { loadBenchKb } from './reference';
import { budget, formatTable, MB, seconds, type Budget, type Measurement, type Row, type Section } from './report';
import { measureWithExtension, measureWithoutExtension, scanMeasurement, type ScanPlan } from './scan';
import { benchSearchIfPresent, searchMeasurement, type SearchOutcome } from './search-hook';
import { benchSize } from './size';

const ROOT = resolve(import.meta.dirname, '../..');
const PARTS = ['size', 'matcher', 'search', 'browser'] as const;
type Part = (typeof PARTS)[number];

/** Page sizes (characters of text) and page loads per browser; fewer loads for bigger pages keep the run short. */
const PAGE_SIZES: readonly { readonly characters: number; readonly runs: number }[] = [
  { characters: 100 * 1024, runs: 3 },
  { characters: 1 * MB, runs: 3 },
  { characters: 5 * MB, runs: 1 },
];
/** The page hover and memory are measured on. */
const DETAIL_PAGE_CHARACTERS = 1 * MB;

interface Options {
  readonly check: boolean;
  readonly json: false | 'stdout' | string;
  readonly parts: ReadonlySet<Part>;
}

function parseOptions(argv: readonly string[]): Options {
  let json: Options['json'] = false;
  let parts = new Set<Part>(PARTS);
  for (const arg of argv) {
    if (arg === '--check') continue;
    if (arg === '--json') json = 'stdout';
    else if (arg.startsWith('--json=')) json = resolve(arg.slice('--json='.length));
    else if (arg.startsWith('--only=')) {
      const wanted = arg.slice('--only='.length).split(',');
      const unknown = wanted.filter((part) => !(PARTS as readonly string[]).includes(part));
      if (unknown.length > 0) throw new Error(`Unknown part(s) ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
      parts = new Set(wanted as Part[]);
    } else throw new Error(`Unknown option ${arg}`);
  }
  return { check: argv.includes('--check'), json, parts };
}

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

/** The newest change to what the build is made from, against the build (npm run bench builds first; tsx alone may not). */
function warnIfBuildStale(): void {
  const newest = (path: string): number => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
  };
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  let built: number;
  try {
    built = statSync(manifest).mtimeMs;
  } catch {
    throw new Error('No build in .output/chrome-mv3: run `npm run bench` (it builds first) or `npm run build`');
  }
  const sources = ['entrypoints', 'components', 'lib', 'data', 'public', 'wxt.config.ts'].map((path) => join(ROOT, path));
  if (Math.max(...sources.map(newest)) > built) log('warning: sources changed after the last build; `npm run bench` builds first');
}

interface Collected {
  readonly measurements: Record<string, Measurement<unknown>>;
  readonly errors: Row[];
  chromium?: string;
}

async function attempt<T>(collected: Collected, name: string, work: () => Promise<T> | T): Promise<T | undefined> {
  log(`${name}…`);
  const started = performance.now();
  try {
    const result = await work();
    log(`${name} done in ${seconds(performance.now() - started)}`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${name} failed: ${message}`);
    collected.errors.push({ what: name, result: 'FAILED', note: message.split('\n')[0] ?? '' });
    return undefined;
  }
}

async function measureInBrowsers(collected: Collected): Promise<void> {
  const kb = loadBenchKb();
  const dir = mkdtempSync(join(tmpdir(), 'physiolens-bench-pages-'));
  const server = await startPageServer(dir);
  try {
    const pages = writePages(
      dir,
      PAGE_SIZES.map((size) => size.characters),
      kb.forms,
    );
    const plans: ScanPlan[] = pages.map((page, index) => ({ page, url: `${server.origin}/${page.name}`, runs: PAGE_SIZES[index]!.runs }));
    const detail = plans[PAGE_SIZES.findIndex((size) => size.characters === DETAIL_PAGE_CHARACTERS)] ?? plans[0]!;
    const markJsPath = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');

    const plainBrowser = await launchWithoutExtension(probeInitScript(false));
    collected.chromium = plainBrowser.version;
    let plain: Awaited<ReturnType<typeof measureWithoutExtension>> | undefined;
    let heapWithout: HeapReading | undefined;
    let ranges: RangeFigures | undefined;
    try {
      plain = await attempt(collected, 'scan without the extension (TreeWalker, mark.js, long tasks)', () =>
        measureWithoutExtension(plainBrowser, plans, markJsPath, kb.naiveSource),
      );
      heapWithout = await attempt(collected, 'heap without the extension', async () => {
        const { page } = await openPlainPage(plainBrowser, detail.url);
        const heap = await heapAfterGc(page);
        await page.close();
        return heap;
      });
      ranges = await attempt(collected, 'StaticRanges and live Ranges', async () => {
        const { page } = await openPlainPage(plainBrowser, detail.url);
        const figures = await measureRanges(page);
        await page.close();
        return figures;
      });
    } finally {
      await plainBrowser.close();
    }

    const extensionBrowser = await launchWithExtension(probeInitScript(true));
    let withExtension: Awaited<ReturnType<typeof measureWithExtension>> | undefined;
    let heapWith: HeapReading | undefined;
    let hover: HoverFigures | undefined;
    let popup: PopupFigures | undefined;
    try {
      withExtension = await attempt(collected, 'scan with the extension', () => measureWithExtension(extensionBrowser, plans));
      await attempt(collected, 'heap and hover with the extension', async () => {
        const scanned = await openScannedPage(extensionBrowser, detail.url, detail.page);
        heapWith = await heapAfterGc(scanned.page);
        hover = await measureHover(scanned.page);
        await scanned.page.close();
      });
      popup = await attempt(collected, 'popup search', () => measurePopup(extensionBrowser));
    } finally {
      await extensionBrowser.close();
    }

    if (plain && withExtension) collected.measurements.scan = scanMeasurement(plans, plain, withExtension);
    if (hover) collected.measurements.hover = hoverMeasurement(hover, detail.page.label);
    if (ranges) collected.measurements.ranges = rangesMeasurement(ranges, detail.page.label);
    if (heapWith && heapWithout) collected.measurements.memory = memoryMeasurement(heapWith, heapWithout, detail.page.label);
    if (popup) collected.measurements.popup = { figures: popup, section: { title: 'popup', rows: [popupRow(popup)] }, budgets: [] };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  warnIfBuildStale();
  const collected: Collected = { measurements: {}, errors: [] };
  const { parts } = options;

  if (parts.has('size')) {
    const size = await attempt(collected, 'size', benchSize);
    if (size) collected.measurements.size = size;
  }
  if (parts.has('matcher')) {
    const matcher = await attempt(collected, 'matcher throughput', () => benchMatcher(loadBenchKb()));
    if (matcher) collected.measurements.matcher = matcher;
  }
  let search: SearchOutcome | undefined;
  if (parts.has('search')) search = await attempt(collected, 'search (scripts/bench/search.ts)', benchSearchIfPresent);
  if (parts.has('browser')) await attempt(collected, 'Chromium', () => measureInBrowsers(collected));

  const { measurements } = collected;
  if (search || measurements.popup) {
    const outcome: SearchOutcome = search ?? { available: false, reason: 'not run (--only)' };
    measurements.search = searchMeasurement(outcome, measurements.popup?.section.rows ?? []);
  }
  const order = ['matcher', 'scan', 'ranges', 'hover', 'search', 'memory', 'size'];
  const shown = order.map((name) => measurements[name]).filter((measurement): measurement is Measurement<unknown> => measurement !== undefined);
  const sections: Section[] = shown.map((measurement) => measurement.section);
  const budgets: Budget[] = shown.flatMap((measurement) => measurement.budgets);
  if (collected.errors.length > 0) {
    sections.push({ title: 'Measurements that failed', rows: collected.errors });
    budgets.push(budget('every measurement ran', 'no failure', `${collected.errors.length} failed`, false));
  }

  const elapsed = performance.now() - started;
  const header = [
    'PhysioLens benchmark',
    `${new Date().toISOString()} · Node ${process.version} · Chromium ${collected.chromium ?? 'not run'} · ${cpus().length} cores · run took ${seconds(elapsed)} (after the build)`,
    'Speed is judged by ratios to references measured in this run; absolute times are reported only.',
  ].join('\n');
  const table = formatTable(sections, budgets, header);
  const missed = budgets.filter((item) => item.status === 'fail');

  const json = JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      environment: { node: process.version, chromium: collected.chromium ?? null, cores: cpus().length },
      durationMs: elapsed,
      figures: Object.fromEntries(Object.entries(measurements).map(([name, measurement]) => [name, measurement.figures])),
      budgets,
      errors: collected.errors,
    },
    null,
    2,
  );
  if (options.json === 'stdout') {
    process.stderr.write(`${table}\n`);
    process.stdout.write(`${json}\n`);
  } else {
    process.stdout.write(`${table}\n`);
    if (options.json) {
      writeFileSync(options.json, `${json}\n`);
      log(`figures written to ${options.json}`);
    }
  }
  if (options.check && missed.length > 0) {
    process.stderr.write(`\nBudget missed: ${missed.map((item) => `${item.name} (${item.actual}, limit ${item.limit})`).join('; ')}\n`);
    process.exitCode = 1;
  }
}

await main();
