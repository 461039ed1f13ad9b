import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUDGETS, measureSizes, type SizeReport } from '../check-size';
import { budget, kilobytes, megabytes, type Measurement } from './report';

/** Sizes of the built extension (scripts/check-size.ts), zipping first when the zip is missing or older than the build. */
const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT = join(ROOT, '.output');

function zipIsFresh(): boolean {
  const manifest = join(OUTPUT, 'chrome-mv3', 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return readdirSync(OUTPUT).some((name) => name.endsWith('-chrome.zip') && statSync(join(OUTPUT, name)).mtimeMs >= built);
}

export function benchSize(): Measurement<SizeReport & { zipped: boolean }> {
  const zipped = !zipIsFresh();
  // Its output goes to stderr: stdout carries only the results.
  if (zipped) execFileSync('npx', ['wxt', 'zip'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  const sizes = measureSizes();
  return {
    figures: { ...sizes, zipped },
    section: {
      title: 'Size of the build (gzip -9 per file; a page loads the script with its imports)',
      rows: [
        { what: 'content scripts (with term data)', result: `${kilobytes(sizes.contentScriptGzip)} gzip`, note: 'every page pays for them: the content script and the early highlight sheet' },
        { what: 'popup', result: `${kilobytes(sizes.popupGzip)} gzip` },
        { what: 'side panel', result: `${kilobytes(sizes.sidePanelGzip)} gzip` },
        { what: 'options', result: `${kilobytes(sizes.optionsGzip)} gzip` },
        { what: 'background', result: `${kilobytes(sizes.backgroundGzip)} gzip` },
        { what: 'zip (Chrome)', result: sizes.zip === null ? 'no zip' : megabytes(sizes.zip), ...(zipped ? { note: 'zipped by this run (npx wxt zip)' } : {}) },
      ],
    },
    budgets: [
      budget('content script gzip', `≤ ${kilobytes(BUDGETS.contentScriptGzip)}`, kilobytes(sizes.contentScriptGzip), sizes.contentScriptGzip <= BUDGETS.contentScriptGzip),
      budget('zip', `≤ ${megabytes(BUDGETS.zip)}`, sizes.zip === null ? 'no zip' : megabytes(sizes.zip), sizes.zip === null ? false : sizes.zip <= BUDGETS.zip),
    ],
  };
}
