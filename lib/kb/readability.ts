/**
 * Flesch–Kincaid grade level, as KB-GUIDE.md asks: summaries ≤ 6 and patient sections ≤ 8,
 * measured with the entry's own terms masked (the name of a condition is not what makes a
 * sentence hard; the sentence around it is).
 */
export interface Readability {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  readonly grade: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const MASK = 'term';

export function countSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 1;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (ending) => ending[0] ?? '');
  w = w.replace(/^y/, '');
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 0);
}

/** Sentences end at . ! ? followed by a space or the end, and at line breaks (list items). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => HAS_WORD.test(sentence));
}

/** Replaces every occurrence of the given terms (and their plurals and possessives) with one short word. */
export function maskTerms(text: string, terms: readonly string[]): string {
  const pattern = maskPattern(terms);
  return pattern ? text.replace(pattern, MASK) : text;
}

const maskPatterns = new Map<string, RegExp | null>();

/** One pattern for all of an entry's terms, longest first, compiled once per list of terms. */
function maskPattern(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  let pattern = maskPatterns.get(key);
  if (pattern === undefined) {
    const alternatives = [...terms]
      .filter((term) => term.trim().length > 0)
      .sort((a, b) => b.length - a.length)
      .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'));
    pattern = alternatives.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?:e?s|['’]s)?(?![\\p{L}\\p{N}])`, 'giu') : null;
    maskPatterns.set(key, pattern);
  }
  return pattern;
}

export function measureReadability(text: string, maskedTerms: readonly string[] = []): Readability {
  const sentences = splitSentences(maskTerms(text, maskedTerms));
  let words = 0;
  let syllables = 0;
  for (const sentence of sentences) {
    for (const word of sentence.match(WORD) ?? []) {
      words += 1;
      syllables += countSyllables(word);
    }
  }
  if (words === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0 };
  const grade = 0.39 * (words / sentences.length) + 11.8 * (syllables / words) - 15.59;
  return { words, sentences: sentences.length, syllables, grade: Math.round(grade * 10) / 10 };
}

export function countWords(text: string): number {
  return (text.match(WORD) ?? []).length;
}
