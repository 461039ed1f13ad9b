/** Small statistics for the benchmark: medians and percentiles of timing samples. */

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** Nearest-rank percentile (p95 of 20 samples is the 19th smallest). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Times one call with the high-resolution clock. */
export function timeOnce(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
