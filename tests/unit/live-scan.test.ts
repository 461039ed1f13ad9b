// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/matcher/compile';
import { createRescanPolicy, DEFAULT_THROTTLE, startLiveScan, type LiveScan } from '../../lib/scanner/live';
import type { FoundTerm } from '../../lib/scanner/scan';
import { browserClock } from '../../lib/scanner/slicing';
import { FIXTURE } from './term-fixture';

const matcher = compileMatcher(FIXTURE);
const controllers: AbortController[] = [];
afterEach(() => controllers.splice(0).forEach((controller) => controller.abort()));

function watch(html: string, everyOccurrence = false): { scan: LiveScan; painted: () => string[]; paints: () => number } {
  document.body.innerHTML = html;
  const controller = new AbortController();
  controllers.push(controller);
  let last: readonly FoundTerm[] = [];
  let paints = 0;
  const scan = startLiveScan({
    root: document.body,
    matcher,
    blockOptions: {},
    documentOptions: () => ({ everyOccurrence }),
    clock: browserClock(),
    signal: controller.signal,
    onPaint: (terms) => {
      last = terms;
      paints += 1;
    },
  });
  return { scan, painted: () => last.map((term) => term.block.text.slice(term.start, term.end)), paints: () => paints };
}

const settle = (ms = 120) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live scan', () => {
  it('paints what the first scan finds', async () => {
    const { scan, painted } = watch('<p>sciatica and carpal tunnel</p>');
    await scan.firstScan;
    expect(painted()).toEqual(['sciatica', 'carpal tunnel']);
    expect(scan.stats.status).toBe('ready');
    expect(scan.stats.scans).toBe(1);
  });

  it('re-scans soon after the page changes', async () => {
    const { scan, painted } = watch('<p id="a">sciatica</p>');
    await scan.firstScan;
    const added = document.createElement('p');
    added.textContent = 'shin splints';
    document.body.append(added);
    await settle();
    expect(painted()).toEqual(['sciatica', 'shin splints']);
  });

  it('ignores changes inside editors and code', async () => {
    const { scan, paints } = watch('<p>sciatica</p><div contenteditable="true"><p id="editor">x</p></div>');
    await scan.firstScan;
    const before = paints();
    document.getElementById('editor')!.textContent = 'shin splints typed in an editor';
    await settle();
    expect(paints()).toBe(before);
  });

  it('applies new document options without reading the page again', async () => {
    let every = false;
    document.body.innerHTML = '<p>sciatica</p><p>sciatica</p>';
    const controller = new AbortController();
    controllers.push(controller);
    let count = 0;
    const scan = startLiveScan({
      root: document.body,
      matcher,
      blockOptions: {},
      documentOptions: () => ({ everyOccurrence: every }),
      clock: browserClock(),
      signal: controller.signal,
      onPaint: (terms) => (count = terms.length),
    });
    await scan.firstScan;
    expect(count).toBe(1);
    every = true;
    scan.repaint();
    expect(count).toBe(2);
    expect(scan.stats.scans).toBe(1);
  });

  it('stops observing when aborted', async () => {
    const { scan, paints } = watch('<p>sciatica</p>');
    await scan.firstScan;
    controllers[0]!.abort();
    const before = paints();
    document.body.append(document.createElement('p'));
    await settle();
    expect(paints()).toBe(before);
  });
});

describe('the re-scan policy', () => {
  const throttle = { ...DEFAULT_THROTTLE, minIntervalMs: 250, maxIntervalMs: 4000, cpuShare: 0.05, stopAfterMs: 30_000 };

  it('keeps the shortest interval while re-scans are cheap', () => {
    const policy = createRescanPolicy(throttle);
    for (let at = 0; at < 60_000; at += 250) expect(policy.record(at, 1)).toBe('continue');
    expect(policy.interval).toBe(250);
  });

  it('backs off when re-scans use more than their share, and recovers when the page calms down', () => {
    const policy = createRescanPolicy(throttle);
    let at = 0;
    for (let k = 0; k < 20; k++) {
      policy.record(at, 200);
      at += policy.interval;
    }
    expect(policy.interval).toBe(4000);
    for (let k = 0; k < 40; k++) {
      policy.record(at, 0.1);
      at += policy.interval;
    }
    expect(policy.interval).toBe(250);
  });

  it('stops a page that keeps it over budget at the longest interval', () => {
    const policy = createRescanPolicy(throttle);
    let at = 0;
    let verdict: 'continue' | 'stop' = 'continue';
    while (verdict === 'continue' && at < 120_000) {
      verdict = policy.record(at, 600);
      at += policy.interval;
    }
    expect(verdict).toBe('stop');
    expect(at).toBeGreaterThan(30_000);
  });
});

describe('a very long block', () => {
  it('is matched a stretch at a time, with terms found across the whole text', async () => {
    const filler = 'the weather was mild and the committee met again '.repeat(4000);
    const { scan, painted } = watch(`<p>sciatica ${filler} carpal tunnel ${filler} shin splints</p>`);
    await scan.firstScan;
    expect(painted()).toEqual(['sciatica', 'carpal tunnel', 'shin splints']);
  });
});
