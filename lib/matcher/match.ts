import {
  APOSTROPHE,
  BOUNDARY,
  cueHash,
  cueHashStep,
  hashStep,
  IGNORED_SYMBOL,
  NO_SYMBOL,
  NOT_IN_ANY_FORM,
  SEPARATOR_SYMBOL,
  childOf,
  mayBeginForm,
  singularsOf,
  symbolOf,
  wordClassOf,
  type Matcher,
} from './compile';
import { CAPITAL, foldCode, foldCodeKeepCase, foldWords, IGNORED, isWordCode, letterCase, SEPARATOR, SMALL, TABLE_SIZE, WORD_TABLE } from './fold';
import type { TermMatch } from './types';

/** Characters searched on each side of a form with a context rule for a cue word. */
export const CONTEXT_WINDOW = 160;
/** Characters searched on each side for blocking words. */
const BLOCK_WINDOW = 48;

const isCombiningMark = (code: number): boolean => code >= 0x300 && code <= 0x36f;

type Verdict = 'reject' | 'accept' | 'needs-context';

/**
 * Every term in one block of text (or in a stretch of it, for blocks too long for one slice),
 * left to right, longest match first, no overlaps. The walk
 * starts only at word starts and follows the trie as far as the text allows, so the cost is about
 * one map lookup per character of words that begin like a term.
 */
export function findTermsInText(matcher: Matcher, text: string, from = 0, to = text.length): TermMatch[] {
  const { wordClasses } = matcher;
  const length = text.length;
  const matches: TermMatch[] = [];
  // Candidate ends of the current walk (node, end), reused across word starts.
  const candidateNodes: number[] = [];
  const candidateEnds: number[] = [];

  // Terms start in [from, to); they may end after `to`, and rules look at the whole text.
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    // A term starts on a letter or digit (not on an apostrophe or a stray accent).
    if ((code < TABLE_SIZE ? wordClasses[code]! : wordClassOf(matcher, code)) < 0) {
      i++;
      continue;
    }
    // Read the word, hashing its symbols (apostrophes and accents inside it are skipped, as in
    // the trie). A letter that no form contains rules the word out at once.
    let hash = 0;
    let possible = true;
    let j = i;
    while (j < length) {
      const at = text.charCodeAt(j);
      const kind = at < TABLE_SIZE ? wordClasses[at]! : wordClassOf(matcher, at);
      if (kind > 0) hash = hashStep(hash, kind);
      else if (kind === NOT_IN_ANY_FORM) possible = false;
      else if (kind === BOUNDARY) break;
      else if (kind === APOSTROPHE && !(j + 1 < length && wordClassOf(matcher, text.charCodeAt(j + 1)) >= 0)) break;
      j++;
    }
    if (possible && mayBeginForm(matcher, hash)) {
      const candidates = walkTrie(matcher, text, i, candidateNodes, candidateEnds);
      let found: TermMatch | undefined;
      for (let c = candidates - 1; c >= 0 && !found; c--) {
        found = chooseForm(matcher, text, i, candidateEnds[c]!, matcher.accept[candidateNodes[c]!]!);
      }
      if (found) {
        matches.push(found);
        i = found.end;
        continue;
      }
    }
    i = j > i ? j : i + 1;
  }

  if (matches.length > 0) confirmContextByNeighbours(matches);
  return matches;
}

/**
 * Follows the trie from a word start as far as the text allows; writes every accepting node that
 * is followed by a word boundary into (nodes, ends) and returns how many there are. Kept apart
 * from the rule checks so this hot loop stays small.
 */
function walkTrie(matcher: Matcher, text: string, start: number, nodes: number[], ends: number[]): number {
  const { accept, symbols } = matcher;
  const length = text.length;
  let candidates = 0;
  let node = 0;
  let j = start;
  let lastWasSeparator = false;
  while (j < length) {
    const code = text.charCodeAt(j);
    const symbol = code < TABLE_SIZE ? symbols[code]! : symbolOf(matcher, code);
    if (symbol === IGNORED_SYMBOL) {
      j++;
      continue;
    }
    if (symbol === SEPARATOR_SYMBOL) {
      if (lastWasSeparator) {
        j++;
        continue;
      }
      lastWasSeparator = true;
    } else if (symbol === NO_SYMBOL) {
      break;
    } else {
      lastWasSeparator = false;
    }
    const child = childOf(matcher, node, symbol);
    if (child === 0) break;
    node = child;
    j++;
    if (!lastWasSeparator && accept[node] !== undefined) {
      // A word boundary must follow (combining marks belong to the word before them).
      let end = j;
      while (end < length && isCombiningMark(text.charCodeAt(end))) end++;
      const after = end < length ? text.charCodeAt(end) : 32;
      if (!(after < TABLE_SIZE ? WORD_TABLE[after] === 1 : isWordCode(after))) {
        nodes[candidates] = node;
        ends[candidates] = end;
        candidates++;
      }
    }
  }
  return candidates;
}

function chooseForm(matcher: Matcher, text: string, start: number, end: number, forms: readonly number[]): TermMatch | undefined {
  let fallback: TermMatch | undefined;
  for (const form of forms) {
    const verdict = judgeForm(matcher, text, form, start, end);
    if (verdict === 'reject') continue;
    const match = {
      start,
      end,
      entry: matcher.data.forms[form]!.entry,
      form,
      needsPageContext: verdict === 'needs-context',
      ruled: matcher.cueHashes[form] !== undefined,
    };
    if (verdict === 'accept') return match;
    fallback ??= match;
  }
  return fallback;
}

function judgeForm(matcher: Matcher, text: string, form: number, start: number, end: number): Verdict {
  const exactKey = matcher.exactKeys[form];
  if (
    exactKey !== undefined &&
    (!hasExactCase(text, start, end, exactKey) || inAllCapsLine(text, start, end) || isModelNumber(text, end) || followsClockTime(text, start))
  ) {
    return 'reject';
  }
  const before = matcher.blockedBefore[form];
  if (before && endsWithPhrase(foldWords(text.slice(Math.max(0, start - BLOCK_WINDOW), start)), before)) return 'reject';
  const after = matcher.blockedAfter[form];
  if (after) {
    const from = afterPossessive(text, end);
    if (startsWithPhrase(foldWords(text.slice(from, from + BLOCK_WINDOW)), after)) return 'reject';
  }
  const cues = matcher.cueHashes[form];
  if (cues === undefined) return 'accept';
  return hasCueNearby(matcher, text, start, end, cues, matcher.cuePhrases[form] ?? []) ? 'accept' : 'needs-context';
}

/** The text's letters, case kept, start with the form's ("ACLs" fits "ACL"; "Acl" does not). */
function hasExactCase(text: string, start: number, end: number, exactKey: string): boolean {
  let collected = '';
  for (let k = start; k < end; k++) {
    const folded = foldCodeKeepCase(text.charCodeAt(k));
    if (folded !== IGNORED && folded !== SEPARATOR) collected += String.fromCharCode(folded);
  }
  if (!collected.startsWith(exactKey)) return false;
  const suffix = collected.slice(exactKey.length);
  return suffix === '' || suffix === suffix.toLowerCase();
}

/**
 * An abbreviation followed by a hyphen and a digit, or by a number of three or four digits, is a
 * product, model or course code ("PT-100", "ACL-2", "DPT 7101"), not the term.
 */
function isModelNumber(text: string, end: number): boolean {
  return /^(?:[-\u2010\u2011]\d|[ \u00a0]\d{3,4}(?![\p{L}\p{N}]))/u.test(text.slice(end, end + 6));
}

/**
 * Where the words after a match begin, past a possessive "'s" the match stopped before: the words
 * that block "de Quervain" block "de Quervain's" too.
 */
function afterPossessive(text: string, end: number): number {
  const code = text.charCodeAt(end);
  const next = text.charCodeAt(end + 1);
  const following = end + 2 < text.length ? text.charCodeAt(end + 2) : 32;
  return foldCode(code) === IGNORED && !isCombiningMark(code) && (next === 115 || next === 83) && !isWordCode(following) ? end + 2 : end;
}

/** An abbreviation right after a clock time is a time zone ("10:00 PT", "1 p.m. PT", "9 PM CDT"). */
function followsClockTime(text: string, start: number): boolean {
  return /(?:\d:\d\d|\d\s?[ap]\.?m\.?)\s*$/i.test(text.slice(Math.max(0, start - 12), start));
}

/** An abbreviation in a line of capitals ("TENS UNIT FOR SALE") is shouting, not a term. */
function inAllCapsLine(text: string, start: number, end: number): boolean {
  let upper = 0;
  let lower = 0;
  const count = (code: number): void => {
    const letter = letterCase(code);
    if (letter === CAPITAL) upper++;
    else if (letter === SMALL) lower++;
  };
  for (let k = start - 1; k >= 0 && k >= start - 200 && text.charCodeAt(k) !== 10; k--) count(text.charCodeAt(k));
  for (let k = end; k < text.length && k < end + 200 && text.charCodeAt(k) !== 10; k++) count(text.charCodeAt(k));
  return upper >= 2 && lower <= upper * 0.1;
}

function endsWithPhrase(words: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some(
    (phrase) => phrase.length <= words.length && phrase.every((word, k) => words[words.length - phrase.length + k] === word),
  );
}

function startsWithPhrase(words: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((phrase) => phrase.length <= words.length && phrase.every((word, k) => words[k] === word));
}

/**
 * Is there a cue nearby? One ordinary cue word is enough; a weak one (a word with common meanings
 * outside the body) counts half. Each distinct cue counts once. Words in capitals are acronyms,
 * not cues ("ARM" is not an arm), and a plural counts as its singular ("wrists", "injuries").
 * This runs for every match of a form with a context rule, so the words of the window are hashed
 * as they are read and no string is built unless a hash hits.
 */
function hasCueNearby(matcher: Matcher, text: string, start: number, end: number, cues: ReadonlyMap<number, string>, phrases: readonly string[]): boolean {
  let score = 0;
  let seen: string[] | undefined;
  const count = (cue: string): boolean => {
    // A plural listed beside its singular ("hands", "hand") is the same cue, and as weak.
    const base = singularsOf(cue).find((word) => cues.get(cueHash(word)) === word || matcher.weakCues.has(word)) ?? cue;
    if (seen?.includes(base)) return false;
    (seen ??= []).push(base);
    score += matcher.weakCues.has(base) ? 1 : 2;
    return score >= 2;
  };
  if (
    scanCueWindow(text, Math.max(0, start - CONTEXT_WINDOW), start, cues, count) ||
    scanCueWindow(text, end, Math.min(text.length, end + CONTEXT_WINDOW), cues, count)
  ) {
    return true;
  }
  if (phrases.length === 0) return false;
  const words = [
    ...foldWords(text.slice(Math.max(0, start - CONTEXT_WINDOW), start), true),
    ...foldWords(text.slice(end, end + CONTEXT_WINDOW), true),
  ];
  const joined = ` ${words.join(' ')} `;
  return phrases.some((phrase) => joined.includes(` ${phrase} `));
}

const LETTER_S = 115;
const LETTER_E = 101;
const LETTER_I = 105;
const LETTER_Y = 121;

/**
 * Reads the words of text[from, to) (the window's edges end words, as a slice would) and calls
 * `found` with each cue word, or the cue word a plural stands for; stops when `found` says enough.
 */
function scanCueWindow(text: string, from: number, to: number, cues: ReadonlyMap<number, string>, found: (cue: string) => boolean): boolean {
  let hash = 0;
  // The hashes of the word without its last one, two and three letters, and those letters.
  let without1 = 0;
  let without2 = 0;
  let without3 = 0;
  let last1 = 0;
  let last2 = 0;
  let last3 = 0;
  let letters = 0;
  let capitals = 0;
  let lower = 0;
  let wordStart = from;
  const lookUp = (candidate: number, keep: number, y: boolean, wordEnd: number): string | undefined => {
    const cue = cues.get(candidate);
    return cue !== undefined && cue.length === keep + (y ? 1 : 0) && (!y || cue.charCodeAt(keep) === LETTER_Y) && foldedPrefixIs(text, wordStart, wordEnd, cue, keep)
      ? cue
      : undefined;
  };
  const endWord = (wordEnd: number): boolean => {
    if (letters === 0 || (capitals >= 2 && lower === 0)) return false;
    let cue = lookUp(hash, letters, false, wordEnd);
    if (cue === undefined && last1 === LETTER_S) {
      if (letters >= 3 && last2 === LETTER_E && last3 === LETTER_I) cue = lookUp(cueHashStep(without3, LETTER_Y), letters - 3, true, wordEnd);
      else if (last2 === LETTER_E) cue = lookUp(without2, letters - 2, false, wordEnd) ?? lookUp(without1, letters - 1, false, wordEnd);
      else cue = lookUp(without1, letters - 1, false, wordEnd);
    }
    return cue !== undefined && found(cue);
  };
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const folded = foldCode(code);
    if (folded === IGNORED) continue;
    if (folded !== SEPARATOR && isWordCode(code)) {
      if (letters === 0) wordStart = i;
      without3 = without2;
      without2 = without1;
      without1 = hash;
      hash = cueHashStep(hash, folded);
      last3 = last2;
      last2 = last1;
      last1 = folded;
      letters++;
      const letter = letterCase(code);
      if (letter === CAPITAL) capitals++;
      else if (letter === SMALL) lower++;
      continue;
    }
    if (endWord(i)) return true;
    hash = without1 = without2 = without3 = last1 = last2 = last3 = letters = capitals = lower = 0;
  }
  return endWord(to);
}

/** Do the first `keep` folded letters of text[from, to) spell the first `keep` letters of `word`? */
function foldedPrefixIs(text: string, from: number, to: number, word: string, keep: number): boolean {
  let k = 0;
  for (let i = from; i < to && k < keep; i++) {
    const folded = foldCode(text.charCodeAt(i));
    if (folded === IGNORED) continue;
    if (folded !== word.charCodeAt(k)) return false;
    k++;
  }
  return k === keep;
}

/** A term that needs context gets it from a term without a context rule close by in the same block. */
function confirmContextByNeighbours(matches: TermMatch[]): void {
  for (let k = 0; k < matches.length; k++) {
    const match = matches[k]!;
    if (!match.needsPageContext) continue;
    const near = matches.some(
      (other) =>
        !other.ruled &&
        other.entry !== match.entry &&
        other.end >= match.start - CONTEXT_WINDOW &&
        other.start <= match.end + CONTEXT_WINDOW,
    );
    if (near) matches[k] = { ...match, needsPageContext: false };
  }
}
