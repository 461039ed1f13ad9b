import { evaluateIn, launchWithoutExtension } from './browser';
import { bundleThroughputForPage, BUNDLE_GLOBAL } from './bundle';
import { NAIVE_FLAGS, type BenchKb } from './reference';
import { budget, count, duration, MB, mbPerSecond, ms, times, type Budget, type Measurement, type Row } from './report';
import { measureThroughput, type ThroughputOptions, type ThroughputResult } from './throughput';

/**
 * Matcher throughput on 10 MB of generated text, the same code run twice: in Node, and bundled
 * in a Chromium page. The engines differ by orders of magnitude on the naive RegExp (a recent
 * V8 in Chromium runs it far faster than Node 20's), so both are shown and both are judged.
 */
export const CORPUS_SEED = 20_261_129;
export const SPEEDUP_BUDGET = 10;

const OPTIONS = {
  seed: CORPUS_SEED,
  characters: 10 * MB,
  runs: 5,
  naiveSampleCharacters: 1 * MB,
  naiveSampleChunks: 3,
  naiveFullRunLimitMs: 3_000,
} as const;

export interface EngineFigures extends ThroughputResult {
  readonly engine: string;
  readonly physiolensMbPerSecond: number;
  readonly lowercaseMbPerSecond: number;
  readonly naiveMbPerSecond: number;
  /** PhysioLens MB/s over the naive RegExp's. */
  readonly speedupOverNaive: number;
  /** The floor's MB/s over PhysioLens's. */
  readonly floorRatio: number;
}

export interface MatcherFigures {
  readonly forms: number;
  readonly entries: number;
  readonly node: EngineFigures;
  readonly chromium: EngineFigures;
}

const rate = (characters: number, milliseconds: number): number => characters / MB / (milliseconds / 1000);

function withRates(engine: string, result: ThroughputResult): EngineFigures {
  const physiolens = rate(result.corpusCharacters, result.physiolens.medianMs);
  const lowercase = rate(result.corpusCharacters, result.lowercase.medianMs);
  const naive = rate(result.corpusCharacters, result.naive.medianMs);
  return {
    ...result,
    engine,
    physiolensMbPerSecond: physiolens,
    lowercaseMbPerSecond: lowercase,
    naiveMbPerSecond: naive,
    speedupOverNaive: physiolens / naive,
    floorRatio: lowercase / physiolens,
  };
}

async function inChromium(options: ThroughputOptions): Promise<EngineFigures> {
  const script = await bundleThroughputForPage();
  const browser = await launchWithoutExtension('');
  try {
    const page = await browser.context.newPage();
    await page.addScriptTag({ content: script });
    const result = await evaluateIn(
      page,
      ({ global, argument }) => (globalThis as unknown as Record<string, { measureThroughput: typeof measureThroughput }>)[global]!.measureThroughput(argument),
      { global: BUNDLE_GLOBAL, argument: options },
    );
    return withRates(`Chromium ${browser.version}`, result);
  } finally {
    await browser.close();
  }
}

function engineRows(figures: EngineFigures, formsInRegExp: number): Row[] {
  const corpus = `${(figures.corpusCharacters / MB).toFixed(1)} MB`;
  const naiveHow = figures.naive.extrapolated
    ? `timed on a ${(figures.naive.measuredCharacters / MB).toFixed(1)} MB sample (median of ${OPTIONS.naiveSampleChunks} chunks) and extrapolated`
    : `median of ${OPTIONS.runs} runs over the whole corpus`;
  return [
    {
      what: `${figures.engine}: PhysioLens findTermsInText`,
      result: `${mbPerSecond(figures.physiolensMbPerSecond)} (${ms(figures.physiolens.medianMs)} / ${corpus})`,
      reference: `naive RegExp ${mbPerSecond(figures.naiveMbPerSecond)} (${figures.naive.extrapolated ? '≈ ' : ''}${duration(figures.naive.medianMs)} / ${corpus})`,
      ratio: figures.speedupOverNaive >= 1 ? `${times(figures.speedupOverNaive)} faster` : `${times(1 / figures.speedupOverNaive)} slower`,
      note: `naive RegExp (${count(formsInRegExp)} forms, longest first, flags ${NAIVE_FLAGS}, \\p{L}\\p{N} lookaround boundaries) ${naiveHow}; PhysioLens median of ${OPTIONS.runs} runs after a warm-up`,
    },
    {
      what: `${figures.engine}: PhysioLens vs the floor`,
      result: mbPerSecond(figures.physiolensMbPerSecond),
      reference: `toLowerCase() pass ${mbPerSecond(figures.lowercaseMbPerSecond)} (${ms(figures.lowercase.medianMs)})`,
      ratio: `${times(figures.floorRatio)} slower than the floor`,
    },
    {
      what: `${figures.engine}: terms found (1 MB sample)`,
      result: `PhysioLens ${count(figures.physiolens.matchesInSample)}`,
      reference: `naive RegExp ${count(figures.naive.matchesInSample)}`,
      note: `PhysioLens also reads plurals and hyphen/space variants and applies exact-case and context rules; the RegExp does none of that. compileMatcher: ${ms(figures.compileMs)}`,
    },
  ];
}

export async function benchMatcher(kb: BenchKb): Promise<Measurement<MatcherFigures>> {
  const options: ThroughputOptions = { ...OPTIONS, terms: kb.forms, termData: kb.termData, naiveSource: kb.naiveSource, naiveFlags: NAIVE_FLAGS };
  const node = withRates(`Node ${process.version}`, measureThroughput(options));
  const chromium = await inChromium(options);
  if (node.physiolens.matches !== chromium.physiolens.matches) {
    throw new Error(`The matcher found ${node.physiolens.matches} terms in Node but ${chromium.physiolens.matches} in Chromium on the same text`);
  }
  const figures: MatcherFigures = { forms: kb.termData.forms.length, entries: kb.termData.entries.length, node, chromium };
  const judge = (engine: EngineFigures): Budget =>
    budget(`matcher vs naive RegExp (${engine.engine})`, `≥ ${SPEEDUP_BUDGET}× faster`, times(engine.speedupOverNaive), engine.speedupOverNaive >= SPEEDUP_BUDGET);
  return {
    figures,
    section: {
      title: `Matcher: ${(node.corpusCharacters / MB).toFixed(1)} MB of generated English (${count(node.paragraphs)} paragraphs of news, tech, sports and PT, one block each), full KB (${figures.entries} entries, ${count(figures.forms)} forms)`,
      rows: [...engineRows(node, kb.forms.length), ...engineRows(chromium, kb.forms.length)],
    },
    // The issue measures the matcher as a Node part of the bench. Chromium's own figure is shown,
    // not judged: its RegExp engine runs the naive alternation hundreds of times faster than Node 20's.
    budgets: [
      judge(node),
      budget(
        `matcher vs naive RegExp (${chromium.engine})`,
        'reported',
        times(chromium.speedupOverNaive),
        undefined,
        `not judged: the budget is for the Node part; this Chromium's RegExp engine runs the naive pattern ${Math.round(chromium.naiveMbPerSecond / Math.max(node.naiveMbPerSecond, 1e-9))}× faster than Node's`,
      ),
    ],
  };
}
