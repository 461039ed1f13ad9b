import { build, type Rollup } from 'vite';
import { join, resolve } from 'node:path';

/**
 * throughput.ts as one classic script for a page, built with the project's own Vite (minified,
 * as the extension's build is), exposing `globalThis.PhysioLensBench`.
 */
export const BUNDLE_GLOBAL = 'PhysioLensBench';

export async function bundleThroughputForPage(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(import.meta.dirname, '../..'),
    build: {
      write: false,
      emptyOutDir: false,
      lib: { entry: join(import.meta.dirname, 'throughput.ts'), formats: ['iife'], name: BUNDLE_GLOBAL, fileName: 'throughput' },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((result) => result.output).find((item): item is Rollup.OutputChunk => item.type === 'chunk');
  if (!chunk) throw new Error('Vite produced no script for the page');
  return chunk.code;
}
