import { blocksText } from './markdown';
import { splitSentences } from './readability';
import type { Entry } from './types';

/**
 * Sentences that two entries share, or nearly share: a copy-paste between entries reads as
 * boilerplate, and a sentence lifted from one page into two entries may be lifted from a source
 * too. Sentences are compared by their word trigrams (Jaccard similarity), with an index so the
 * whole KB is checked in well under a second.
 */
export interface SentenceRef {
  readonly entry: string;
  readonly sentence: string;
}

export interface NearDuplicate {
  readonly a: SentenceRef;
  readonly b: SentenceRef;
  readonly similarity: number;
}

export const MIN_WORDS = 8;
export const SIMILARITY_LIMIT = 0.6;

const wordsOf = (sentence: string): string[] => sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function trigrams(words: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (let k = 0; k + 2 < words.length; k++) grams.add(`${words[k]} ${words[k + 1]} ${words[k + 2]}`);
  return grams;
}

export function entrySentences(entry: Entry): string[] {
  return [entry.summary, ...entry.sections.map((section) => blocksText(section.blocks))].flatMap(splitSentences);
}

export function findNearDuplicates(entries: readonly Entry[], limit = SIMILARITY_LIMIT): NearDuplicate[] {
  const sentences: { ref: SentenceRef; grams: Set<string> }[] = [];
  for (const entry of entries) {
    for (const sentence of entrySentences(entry)) {
      const words = wordsOf(sentence);
      if (words.length >= MIN_WORDS) sentences.push({ ref: { entry: entry.id, sentence }, grams: trigrams(words) });
    }
  }
  const index = new Map<string, number[]>();
  sentences.forEach(({ grams }, position) => {
    for (const gram of grams) {
      const list = index.get(gram) ?? [];
      list.push(position);
      index.set(gram, list);
    }
  });
  const found: NearDuplicate[] = [];
  sentences.forEach(({ ref, grams }, position) => {
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const other of index.get(gram)!) if (other > position) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      const target = sentences[other]!;
      const similarity = count / (grams.size + target.grams.size - count);
      if (similarity >= limit) found.push({ a: ref, b: target.ref, similarity: Math.round(similarity * 100) / 100 });
    }
  });
  return found;
}
