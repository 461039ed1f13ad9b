import { editDistanceWithin, prefixEditDistanceWithin, TOO_FAR } from './edit-distance';
import { isStopWord, type SearchForm } from './forms';
import { compareCodeUnits, longerStartingWith } from './sorted-list';

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

/** Typed words remembered; a session types far fewer, the bound only keeps memory flat. */
const CACHE_LIMIT = 2000;
/** A word no longer being typed starts another only from this length ("ant drawer"); a lone "b" starts nothing. */
const SHORTEST_INNER_PREFIX = 3;
/** Below this, a sound-alike start matches half the vocabulary. */
const SHORTEST_SOUND_PREFIX = 3;

interface WordTables {
  readonly postingsByWord: ReadonlyMap<string, readonly WordPosting[]>;
  readonly sortedWords: readonly string[];
  readonly wordsByStem: ReadonlyMap<string, readonly string[]>;
  readonly wordsBySound: ReadonlyMap<string, readonly string[]>;
  readonly sortedSounds: readonly string[];
  readonly wordsByLength: ReadonlyMap<number, readonly string[]>;
}

export function createVocabulary(forms: readonly SearchForm[]): Vocabulary {
  const tables = buildWordTables(forms);
  const cache = new Map<string, ReadonlyMap<string, WordCandidate>>();
  return {
    postings: (word) => tables.postingsByWord.get(word) ?? [],
    candidates(typed, lastTyped) {
      const key = `${lastTyped ? '…' : ''}${typed}`;
      let candidates = cache.get(key);
      if (!candidates) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        candidates = findCandidates(tables, typed, lastTyped);
        cache.set(key, candidates);
      }
      return candidates;
    },
  };
}

function buildWordTables(forms: readonly SearchForm[]): WordTables {
  const postingsByWord = new Map<string, WordPosting[]>();
  forms.forEach((form, formIndex) => {
    form.words.forEach((word, wordIndex) => {
      if (isStopWord(word.text)) return;
      const list = postingsByWord.get(word.text) ?? [];
      list.push({ form: formIndex, word: wordIndex });
      postingsByWord.set(word.text, list);
    });
  });
  const sortedWords = [...postingsByWord.keys()].sort(compareCodeUnits);
  const wordsBySound = groupBy(sortedWords, soundKey);
  return {
    postingsByWord,
    sortedWords,
    wordsByStem: groupBy(sortedWords, stem),
    wordsBySound,
    sortedSounds: [...wordsBySound.keys()].sort(compareCodeUnits),
    wordsByLength: groupBy(sortedWords, (word) => word.length),
  };
}

function findCandidates(tables: WordTables, typed: string, lastTyped: boolean): Map<string, WordCandidate> {
  const found = new Map<string, WordCandidate>();
  const offer = (candidates: Iterable<WordCandidate>): void => {
    for (const candidate of candidates) {
      const known = found.get(candidate.word);
      if (!known || known.cost > candidate.cost) found.set(candidate.word, candidate);
    }
  };
  offer(sameWordCandidates(tables, typed));
  offer(startCandidates(tables, typed, lastTyped));
  // Typos only when the word is not a known word, a sound-alike or the start of one: a real
  // word's near neighbours ("tens" for "tennis") are other words, not what the user meant.
  if (found.size === 0) offer(typoCandidates(tables, typed, lastTyped));
  return found;
}

/** The word itself, its stem and its sound-alikes. */
function sameWordCandidates(tables: WordTables, typed: string): WordCandidate[] {
  const whole = (word: string, cost: number): WordCandidate => ({ word, cost, markedLength: word.length });
  return [
    ...(tables.postingsByWord.has(typed) ? [whole(typed, 0)] : []),
    ...(tables.wordsByStem.get(stem(typed)) ?? []).map((word) => whole(word, COST.sameStem)),
    ...(tables.wordsBySound.get(soundKey(typed)) ?? []).map((word) => whole(word, COST.sameSound)),
  ];
}

/** Words the typed letters start, or start by sound ("fysi" → "physio") while the word is still being typed. */
function startCandidates(tables: WordTables, typed: string, lastTyped: boolean): WordCandidate[] {
  const startCost = (word: string): number => COST.prefixBase + COST.prefixUntyped * (1 - Math.min(1, typed.length / word.length));
  const candidates: WordCandidate[] = [];
  if (lastTyped || typed.length >= SHORTEST_INNER_PREFIX) {
    for (const word of longerStartingWith(tables.sortedWords, typed)) candidates.push({ word, cost: startCost(word), markedLength: typed.length });
  }
  const sound = soundKey(typed);
  if (lastTyped && sound.length >= SHORTEST_SOUND_PREFIX) {
    for (const alike of longerStartingWith(tables.sortedSounds, sound)) {
      for (const word of tables.wordsBySound.get(alike)!) {
        candidates.push({ word, cost: COST.sameSound + startCost(word), markedLength: Math.min(word.length, typed.length) });
      }
    }
  }
  return candidates;
}

/** Words within a typo or two, and, for a word still being typed, words whose start is ("sholde" → "shoulder"). */
function typoCandidates(tables: WordTables, typed: string, lastTyped: boolean): WordCandidate[] {
  const max = allowedTypos(typed.length);
  if (max === 0) return [];
  const candidates: WordCandidate[] = [];
  for (const [length, words] of tables.wordsByLength) {
    const wholeWordPossible = Math.abs(length - typed.length) <= max;
    const startPossible = lastTyped && length >= typed.length - max;
    if (!wholeWordPossible && !startPossible) continue;
    for (const word of words) {
      const edits = wholeWordPossible ? editDistanceWithin(typed, word, max) : TOO_FAR;
      if (edits !== TOO_FAR) {
        candidates.push({ word, cost: COST.typoPerEdit * edits, markedLength: word.length });
        continue;
      }
      const startEdits = startPossible ? prefixEditDistanceWithin(typed, word, max) : TOO_FAR;
      if (startEdits !== TOO_FAR) {
        candidates.push({ word, cost: COST.prefixBase + COST.prefixTypoPerEdit * startEdits, markedLength: Math.min(word.length, typed.length) });
      }
    }
  }
  return candidates;
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

/** How many typos a word of this length may carry and still be recognised: none in three letters. */
function allowedTypos(length: number): number {
  if (length < 4) return 0;
  return length < 6 ? 1 : 2;
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
