import { compileMatcher } from '../../lib/matcher/compile';
import { findTermsInText } from '../../lib/matcher/match';
import type { TermData } from '../../lib/matcher/types';
import { generateParagraphs, takeCharacters, totalLength } from './corpus';
import { median, timeOnce } from './stats';

/**
 * The matcher throughput measurement itself, free of Node and of the DOM so that the very same
 * code runs in Node and, bundled, in a Chromium page: JavaScript engines differ a lot on large
 * regular expressions, and the page is where the extension runs.
 *
 * Three readers of the same paragraphs (one block each, as the scanner gives them): PhysioLens's
 * matcher, the naive RegExp (the reference), and a `toLowerCase()` pass (the floor).
 */
export interface ThroughputOptions {
  readonly seed: number;
  readonly characters: number;
  /** The PT forms the generated text mixes in. */
  readonly terms: readonly string[];
  readonly termData: TermData;
  readonly naiveSource: string;
  readonly naiveFlags: string;
  readonly runs: number;
  /** The naive RegExp first reads this much, in chunks, to learn its speed… */
  readonly naiveSampleCharacters: number;
  readonly naiveSampleChunks: number;
  /** …and reads the whole corpus only if that is predicted to take less than this per run. */
  readonly naiveFullRunLimitMs: number;
}

export interface ThroughputResult {
  readonly corpusCharacters: number;
  readonly paragraphs: number;
  readonly compileMs: number;
  readonly physiolens: { readonly medianMs: number; readonly matches: number; readonly matchesInSample: number };
  readonly lowercase: { readonly medianMs: number };
  readonly naive: {
    /** Median time for the whole corpus: measured, or extrapolated from the sample. */
    readonly medianMs: number;
    readonly extrapolated: boolean;
    readonly measuredCharacters: number;
    readonly matchesInSample: number;
  };
}

function countNaive(pattern: RegExp, paragraphs: readonly string[]): number {
  let found = 0;
  for (const paragraph of paragraphs) {
    pattern.lastIndex = 0;
    while (pattern.exec(paragraph) !== null) found++;
  }
  return found;
}

/** Median of `runs` timed passes after one warm-up; every pass must give the same result, so none can be skipped by the engine. */
function medianOfRuns(runs: number, pass: () => number): { medianMs: number; result: number } {
  const result = pass();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    samples.push(
      timeOnce(() => {
        if (pass() !== result) throw new Error('A pass over the same text gave a different result');
      }),
    );
  }
  return { medianMs: median(samples), result };
}

export function measureThroughput(options: ThroughputOptions): ThroughputResult {
  const paragraphs = generateParagraphs({ seed: options.seed, characters: options.characters, terms: options.terms });
  const characters = totalLength(paragraphs);

  const compileSamples: number[] = [];
  let matcher = compileMatcher(options.termData);
  for (let run = 0; run < options.runs; run++) compileSamples.push(timeOnce(() => (matcher = compileMatcher(options.termData))));
  const matchAll = (texts: readonly string[]): number => {
    let found = 0;
    for (const text of texts) found += findTermsInText(matcher, text).length;
    return found;
  };

  const physiolens = medianOfRuns(options.runs, () => matchAll(paragraphs));
  const lowercase = medianOfRuns(options.runs, () => {
    let read = 0;
    for (const paragraph of paragraphs) read += paragraph.toLowerCase().length;
    return read;
  });

  const pattern = new RegExp(options.naiveSource, options.naiveFlags);
  const sample = takeCharacters(paragraphs, options.naiveSampleCharacters);
  countNaive(pattern, takeCharacters(paragraphs, 32 * 1024)); // warm-up
  const chunkSize = Math.ceil(sample.length / options.naiveSampleChunks);
  const msPerCharacter: number[] = [];
  let matchesInSample = 0;
  for (let chunk = 0; chunk < options.naiveSampleChunks; chunk++) {
    const part = sample.slice(chunk * chunkSize, (chunk + 1) * chunkSize);
    const elapsed = timeOnce(() => (matchesInSample += countNaive(pattern, part)));
    msPerCharacter.push(elapsed / totalLength(part));
  }
  const predictedMs = median(msPerCharacter) * characters;
  const naive =
    predictedMs <= options.naiveFullRunLimitMs
      ? { medianMs: medianOfRuns(options.runs, () => countNaive(pattern, paragraphs)).medianMs, extrapolated: false, measuredCharacters: characters }
      : { medianMs: predictedMs, extrapolated: true, measuredCharacters: totalLength(sample) };

  return {
    corpusCharacters: characters,
    paragraphs: paragraphs.length,
    compileMs: median(compileSamples),
    physiolens: { medianMs: physiolens.medianMs, matches: physiolens.result, matchesInSample: matchAll(sample) },
    lowercase: { medianMs: lowercase.medianMs },
    naive: { ...naive, matchesInSample },
  };
}
