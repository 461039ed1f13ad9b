import type { Page } from 'playwright-core';
import { megabytes, type Measurement } from './report';

/**
 * The page's heap after garbage collection (CDP), with the extension's scan and without it: the
 * content script runs in an isolated world of the page's own V8 heap, so the difference is what
 * the extension keeps alive (term data, matcher, blocks, ranges). DOM objects such as the
 * highlight's StaticRanges live in Blink's heap, reported apart where Chromium gives it.
 */
export interface HeapReading {
  readonly usedBytes: number;
  readonly embedderBytes?: number;
}

export async function heapAfterGc(page: Page): Promise<HeapReading> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    return { usedBytes: usage.usedSize, ...(usage.embedderHeapUsedSize !== undefined ? { embedderBytes: usage.embedderHeapUsedSize } : {}) };
  } finally {
    await cdp.detach();
  }
}

export interface MemoryFigures {
  readonly withExtension: HeapReading;
  readonly withoutExtension: HeapReading;
  readonly extensionBytes: number;
  readonly extensionEmbedderBytes?: number;
}

export function memoryMeasurement(withExtension: HeapReading, withoutExtension: HeapReading, pageLabel: string): Measurement<MemoryFigures> {
  const extensionBytes = withExtension.usedBytes - withoutExtension.usedBytes;
  const extensionEmbedderBytes =
    withExtension.embedderBytes !== undefined && withoutExtension.embedderBytes !== undefined ? withExtension.embedderBytes - withoutExtension.embedderBytes : undefined;
  return {
    figures: { withExtension, withoutExtension, extensionBytes, ...(extensionEmbedderBytes !== undefined ? { extensionEmbedderBytes } : {}) },
    section: {
      title: `Memory on the ${pageLabel} page (JS heap after GC, CDP Runtime.getHeapUsage)`,
      rows: [
        {
          what: 'extension heap (with − without)',
          result: `${megabytes(extensionBytes)} JS${extensionEmbedderBytes !== undefined ? ` + ${megabytes(extensionEmbedderBytes)} Blink` : ''}`,
          reference: `page without extension ${megabytes(withoutExtension.usedBytes)} JS${withoutExtension.embedderBytes !== undefined ? `, ${megabytes(withoutExtension.embedderBytes)} Blink` : ''}`,
          note: `with extension: ${megabytes(withExtension.usedBytes)} JS${withExtension.embedderBytes !== undefined ? `, ${megabytes(withExtension.embedderBytes)} Blink` : ''}`,
        },
      ],
    },
    budgets: [],
  };
}
