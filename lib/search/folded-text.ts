import { foldCode, IGNORED, isWordCode, SEPARATOR } from '../matcher/fold';

/**
 * The search compares folded text (lowercase, no accents, no apostrophes, one space between
 * words: `normalizeForm`), but marks the characters the user sees; so every folded character
 * remembers where it came from.
 */
export interface FoldedText {
  readonly folded: string;
  /** Offset in the original text of each character of `folded`. */
  readonly origins: readonly number[];
}

/** A word of a folded text: letters and digits between spaces or punctuation. */
export interface FoldedWord {
  readonly text: string;
  /** Offsets in the folded text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** `normalizeForm(text)`, with the original offset of every folded character. */
export function foldWithOrigins(text: string): FoldedText {
  let folded = '';
  const origins: number[] = [];
  let lastWasSeparator = true;
  for (let offset = 0; offset < text.length; offset++) {
    const code = foldCode(text.charCodeAt(offset));
    if (code === IGNORED) continue;
    if (code === SEPARATOR) {
      if (!lastWasSeparator) {
        folded += ' ';
        origins.push(offset);
      }
      lastWasSeparator = true;
      continue;
    }
    lastWasSeparator = false;
    folded += String.fromCharCode(code);
    origins.push(offset);
  }
  const trimmed = folded.trimEnd();
  return { folded: trimmed, origins: origins.slice(0, trimmed.length) };
}

/** The words of a folded text; punctuation ("PM&R", "left/right") splits words like a space. */
export function wordsOf(folded: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  let start = -1;
  for (let offset = 0; offset <= folded.length; offset++) {
    const inWord = offset < folded.length && isWordCode(folded.charCodeAt(offset));
    if (inWord && start < 0) start = offset;
    if (!inWord && start >= 0) {
      words.push({ text: folded.slice(start, offset), start, end: offset });
      start = -1;
    }
  }
  return words;
}

/** Folded ranges `[start, end)` as inclusive ranges of the original text, in order. */
export function toOriginalRanges(origins: readonly number[], foldedRanges: readonly (readonly [number, number])[]): [number, number][] {
  return foldedRanges
    .filter(([start, end]) => end > start && end <= origins.length)
    .map(([start, end]): [number, number] => [origins[start]!, origins[end - 1]!])
    .sort((a, b) => a[0] - b[0]);
}
