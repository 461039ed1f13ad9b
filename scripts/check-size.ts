/**
 * Size budgets, checked on the built extension (bytes are deterministic, so this is a test in
 * `npm test`, not a benchmark): the content script, which every page pays for, and the zip.
 * `npx tsx scripts/check-size.ts [--json]` after `npm run zip`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { contentScriptGzip: 40 * 1024, zip: 1.5 * 1024 * 1024 };

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, '.output');
const build = join(outDir, 'chrome-mv3');

const gzipBytes = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((item) => (item.isDirectory() ? filesUnder(join(dir, item.name)) : [join(dir, item.name)]));
/** A script and every chunk it imports, transitively (paths relative to the build). */
const moduleClosure = (entry: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(join(build, entry), 'utf8');
  for (const match of source.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    moduleClosure(join(dirname(entry), match[1]!), seen);
  }
  return seen;
};
const gzipOf = (files: Iterable<string>): number => [...files].reduce((sum, file) => sum + gzipBytes(join(build, file)), 0);
/** A page's scripts (with their imports) and styles, as its HTML references them. */
const gzipOfPage = (html: string): number => {
  const files = new Set<string>();
  for (const match of readFileSync(join(build, html), 'utf8').matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) {
    const file = match[1]!;
    if (file.endsWith('.js')) moduleClosure(file, files);
    else files.add(file);
  }
  return gzipOf(files);
};

/** Every script the manifest runs in pages (the content script and the early highlight sheet): every page pays for all of them. */
const contentScripts = (): string[] => {
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  return (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
};

export interface SizeReport {
  contentScriptGzip: number;
  backgroundGzip: number;
  popupGzip: number;
  sidePanelGzip: number;
  optionsGzip: number;
  zip: number | null;
}

export function measureSizes(): SizeReport {
  const zips = readdirSync(outDir).filter((name) => name.endsWith('-chrome.zip'));
  return {
    contentScriptGzip: gzipOf(contentScripts()),
    backgroundGzip: gzipOf(moduleClosure('background.js')),
    popupGzip: gzipOfPage('popup.html'),
    sidePanelGzip: gzipOfPage('sidepanel.html'),
    optionsGzip: gzipOfPage('options.html'),
    zip: zips.length > 0 ? Math.max(...zips.map((name) => statSync(join(outDir, name)).size)) : null,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (filesUnder(build).length === 0) throw new Error('Build first: npm run zip');
  const sizes = measureSizes();
  const kb = (bytes: number | null): string => (bytes === null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);
  if (process.argv.includes('--json')) console.log(JSON.stringify(sizes, null, 2));
  else {
    console.log(`content scripts (with term data) ${kb(sizes.contentScriptGzip)} gzip   budget ${kb(BUDGETS.contentScriptGzip)}`);
    console.log(`background                       ${kb(sizes.backgroundGzip)} gzip`);
    console.log(`popup                            ${kb(sizes.popupGzip)} gzip`);
    console.log(`side panel                       ${kb(sizes.sidePanelGzip)} gzip`);
    console.log(`options                          ${kb(sizes.optionsGzip)} gzip`);
    console.log(`zip                              ${kb(sizes.zip)}        budget ${kb(BUDGETS.zip)}`);
  }
  const failures = [
    sizes.contentScriptGzip > BUDGETS.contentScriptGzip ? `content scripts ${kb(sizes.contentScriptGzip)} > ${kb(BUDGETS.contentScriptGzip)}` : '',
    sizes.zip === null ? 'no zip found (run npm run zip)' : sizes.zip > BUDGETS.zip ? `zip ${kb(sizes.zip)} > ${kb(BUDGETS.zip)}` : '',
  ].filter(Boolean);
  if (failures.length > 0) {
    console.error(`Size budget missed: ${failures.join('; ')}`);
    process.exit(1);
  }
}
