import { editDistanceWithin, prefixEditDistanceWithin, TOO_FAR } from './edit-distance';
import { isStopWord, type SearchForm } from './forms';

/**
 * Every word of every form, with where it occurs, and the ways a typed word can stand for one:
 * the same word, the same stem ("hands" for "hand"), the same sound ("fysio" for "physio",
 * "oedema" for "edema"), the start of a word, or a word with a typo or two.
 */
export interface WordPosting {
  readonly form: number;
  readonly word: number;
}

/** One vocabulary word that a typed word may stand for, and how doubtful that is (0 = the same word). */
export interface WordCandidate {
  readonly word: string;
  readonly cost: number;
  /** How many folded characters of the vocabulary word to mark: all of it, or the part typed so far. */
  readonly markedLength: number;
}

export interface Vocabulary {
  postings(word: string): readonly WordPosting[];
  /**
   * Vocabulary words a query word may stand for. `lastTyped`: the word the user may still be
   * typing, so any word it starts, even with a typo, is a candidate. Cached, since every
   * keystroke repeats the words before the last.
   */
  candidates(typed: string, lastTyped: boolean): ReadonlyMap<string, WordCandidate>;
}

const COST = {
  sameStem: 0.05,
  sameSound: 0.1,
  prefixBase: 0.08,
  /** Added in proportion to the untyped part of the word: "carp" is weaker evidence for "carpal" than "carpa". */
  prefixUntyped: 0.12,
  typoPerEdit: 0.25,
  prefixTypoPerEdit: 0.3,
} as const;

const CACHE_LIMIT = 2000;
/** A word not being typed any more starts another only from this length ("ant drawer"); a lone "b" is no start. */
const SHORTEST_INNER_PREFIX = 3;
/** Below this, a sound-alike start matches half the vocabulary. */
const SHORTEST_SOUND_PREFIX = 3;

export function createVocabulary(forms: readonly SearchForm[]): Vocabulary {
  const postingsByWord = new Map<string, WordPosting[]>();
  forms.forEach((form, formIndex) => {
    form.words.forEach((word, wordIndex) => {
      if (isStopWord(word.text)) return;
      const list = postingsByWord.get(word.text) ?? [];
      list.push({ form: formIndex, word: wordIndex });
      postingsByWord.set(word.text, list);
    });
  });
  const sortedWords = [...postingsByWord.keys()].sort();
  const wordsByStem = groupBy(sortedWords, stem);
  const wordsBySound = groupBy(sortedWords, soundKey);
  const sortedSounds = [...wordsBySound.keys()].sort();
  const wordsByLength = groupBy(sortedWords, (word) => word.length);
  const cache = new Map<string, ReadonlyMap<string, WordCandidate>>();

  const findCandidates = (typed: string, lastTyped: boolean): Map<string, WordCandidate> => {
    const found = new Map<string, WordCandidate>();
    const offer = (candidate: WordCandidate): void => {
      const known = found.get(candidate.word);
      if (!known || known.cost > candidate.cost) found.set(candidate.word, candidate);
    };
    const prefixCost = (word: string): number => COST.prefixBase + COST.prefixUntyped * (1 - Math.min(1, typed.length / word.length));
    if (postingsByWord.has(typed)) offer({ word: typed, cost: 0, markedLength: typed.length });
    for (const word of wordsByStem.get(stem(typed)) ?? []) offer({ word, cost: COST.sameStem, markedLength: word.length });
    const sound = soundKey(typed);
    for (const word of wordsBySound.get(sound) ?? []) offer({ word, cost: COST.sameSound, markedLength: word.length });
    if (lastTyped || typed.length >= SHORTEST_INNER_PREFIX) {
      for (const word of startingWith(sortedWords, typed)) offer({ word, cost: prefixCost(word), markedLength: typed.length });
    }
    if (lastTyped && sound.length >= SHORTEST_SOUND_PREFIX) {
      for (const alike of startingWith(sortedSounds, sound)) {
        for (const word of wordsBySound.get(alike)!) offer({ word, cost: COST.sameSound + prefixCost(word), markedLength: Math.min(word.length, typed.length) });
      }
    }
    // Typos only when the word is not a known word, a sound-alike or the start of one: a real
    // word's near neighbours ("tens" for "tennis") are other words, not what the user meant.
    if (found.size === 0) {
      for (const candidate of typoCandidates(typed, lastTyped, wordsByLength)) offer(candidate);
    }
    return found;
  };

  return {
    postings: (word) => postingsByWord.get(word) ?? [],
    candidates(typed, lastTyped) {
      const key = `${lastTyped ? '…' : ''}${typed}`;
      let candidates = cache.get(key);
      if (!candidates) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        candidates = findCandidates(typed, lastTyped);
        cache.set(key, candidates);
      }
      return candidates;
    },
  };
}

/**
 * A crude stem, the same on both sides of a comparison: plural, "-ing" and "-ed" endings off
 * ("hands" → "hand", "injuries" → "injury", "rolling" → "roll", "pinched" → "pinch",
 * "running" → "run"); "tennis", "stress" and "fasciitis" stay.
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return withoutDoubledEnd(word.slice(0, -3));
  if (word.length > 5 && word.endsWith('ed')) return withoutDoubledEnd(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** "runn" → "run", "slipp" → "slip"; "roll" and "stiff" keep their double letter, as the base word does. */
function withoutDoubledEnd(base: string): string {
  const last = base.at(-1);
  return last && base.length > 2 && last === base.at(-2) && !'lsfz'.includes(last) ? base.slice(0, -1) : base;
}

/**
 * How a word sounds, roughly: silent first letters, "ph", British "ae"/"oe", "y" as "i", soft
 * "c", hard "k" and doubled letters fold together, so "fysio", "nee", "tenis", "siatica" and
 * "paediatric" meet "physio", "knee", "tennis", "sciatica" and "pediatric".
 */
export function soundKey(word: string): string {
  return word
    .replace(/^(?:kn|pn|ps)/, (start) => start[1]!)
    .replace(/ph/g, 'f')
    .replace(/ae|oe/g, 'e')
    .replace(/y/g, 'i')
    .replace(/c(?=[ei])/g, 's')
    .replace(/ck|k|q/g, 'c')
    .replace(/(.)\1+/g, '$1');
}

/** How many typos a word of this length may carry and still be recognised. */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  return length < 6 ? 1 : 2;
}

function typoCandidates(typed: string, lastTyped: boolean, wordsByLength: ReadonlyMap<number, readonly string[]>): WordCandidate[] {
  const max = allowedTypos(typed.length);
  if (max === 0) return [];
  const candidates: WordCandidate[] = [];
  for (const [length, words] of wordsByLength) {
    const wholeWordPossible = Math.abs(length - typed.length) <= max;
    // A word still being typed may be the start of a longer one with a typo in it ("sholde").
    const prefixPossible = lastTyped && length >= typed.length - max;
    if (!wholeWordPossible && !prefixPossible) continue;
    for (const word of words) {
      const distance = wholeWordPossible ? editDistanceWithin(typed, word, max) : TOO_FAR;
      if (distance !== TOO_FAR) {
        candidates.push({ word, cost: COST.typoPerEdit * distance, markedLength: word.length });
        continue;
      }
      const prefixDistance = prefixPossible ? prefixEditDistanceWithin(typed, word, max) : TOO_FAR;
      if (prefixDistance !== TOO_FAR) {
        candidates.push({ word, cost: COST.prefixBase + COST.prefixTypoPerEdit * prefixDistance, markedLength: Math.min(word.length, typed.length) });
      }
    }
  }
  return candidates;
}

/** Values of a sorted list that start with `prefix` and are longer than it. */
function startingWith(sorted: readonly string[], prefix: string): string[] {
  const found: string[] = [];
  for (let index = lowerBound(sorted, prefix); index < sorted.length && sorted[index]!.startsWith(prefix); index++) {
    if (sorted[index] !== prefix) found.push(sorted[index]!);
  }
  return found;
}

/** First index whose value is not below `key` in a sorted list. */
export function lowerBound<T>(sorted: readonly T[], key: string, valueOf: (item: T) => string = String): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (valueOf(sorted[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function groupBy<K>(words: readonly string[], keyOf: (word: string) => K): Map<K, string[]> {
  const groups = new Map<K, string[]>();
  for (const word of words) {
    const key = keyOf(word);
    const group = groups.get(key) ?? [];
    group.push(word);
    groups.set(key, group);
  }
  return groups;
}
