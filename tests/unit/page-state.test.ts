import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageReport } from '../../lib/messaging/protocol';
import { clearTabPage, readTabPage, recordFrameReport, summarizeTabPage } from '../../lib/platform/page-state';

const report = (ids: string[]): PageReport => ({
  status: 'ready',
  terms: ids.map((id) => ({ id, count: 1 })),
  stats: { mainThreadMs: 1, setupMs: 1, walkMs: 0, matchMs: 0, paintMs: 0, slices: 1, longestSliceMs: 1, blocks: 1, characters: 10, scans: 1, firstScanWallMs: 1 },
});

describe('the terms of a tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps every frame when the frames of a page report at the same time', async () => {
    await Promise.all([recordFrameReport(5, 0, report(['sciatica'])), recordFrameReport(5, 3, report(['tennis-elbow'])), recordFrameReport(5, 7, report(['sciatica', 'plantar-fasciitis']))]);
    const summary = summarizeTabPage(await readTabPage(5));
    expect(summary.terms).toEqual([
      { id: 'sciatica', count: 2 },
      { id: 'plantar-fasciitis', count: 1 },
      { id: 'tennis-elbow', count: 1 },
    ]);
  });

  it('is forgotten when the tab loads a new page, in order with the reports around it', async () => {
    await Promise.all([recordFrameReport(5, 0, report(['sciatica'])), clearTabPage(5), recordFrameReport(5, 0, report(['tennis-elbow']))]);
    expect(summarizeTabPage(await readTabPage(5)).terms.map((term) => term.id)).toEqual(['tennis-elbow']);
  });
});
