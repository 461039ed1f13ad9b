import {
  APOSTROPHE,
  BOUNDARY,
  hashStep,
  IGNORED_SYMBOL,
  NO_SYMBOL,
  NOT_IN_ANY_FORM,
  SEPARATOR_SYMBOL,
  childOf,
  mayBeginForm,
  symbolOf,
  wordClassOf,
  type Matcher,
} from './compile';
import { foldCodeKeepCase, foldWords, IGNORED, isWordCode, SEPARATOR, TABLE_SIZE, WORD_TABLE } from './fold';
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
      ruled: matcher.cueWords[form] !== undefined,
    };
    if (verdict === 'accept') return match;
    fallback ??= match;
  }
  return fallback;
}

function judgeForm(matcher: Matcher, text: string, form: number, start: number, end: number): Verdict {
  const exactKey = matcher.exactKeys[form];
  if (exactKey !== undefined && (!hasExactCase(text, start, end, exactKey) || inAllCapsLine(text, start, end) || isModelNumber(text, end))) {
    return 'reject';
  }
  const before = matcher.blockedBefore[form];
  if (before && endsWithPhrase(foldWords(text.slice(Math.max(0, start - BLOCK_WINDOW), start)), before)) return 'reject';
  const after = matcher.blockedAfter[form];
  if (after && startsWithPhrase(foldWords(text.slice(end, end + BLOCK_WINDOW)), after)) return 'reject';
  const cues = matcher.cueWords[form];
  if (cues === undefined) return 'accept';
  return hasCueNearby(text, start, end, cues, matcher.cuePhrases[form] ?? [], matcher.weakCues) ? 'accept' : 'needs-context';
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

/** An abbreviation followed by a hyphen and a digit is a product or model code ("PT-100", "ACL-2"). */
function isModelNumber(text: string, end: number): boolean {
  const dash = text.charCodeAt(end);
  const digit = text.charCodeAt(end + 1);
  return (dash === 45 || dash === 0x2010 || dash === 0x2011) && digit >= 48 && digit <= 57;
}

/** An abbreviation in a line of capitals ("TENS UNIT FOR SALE") is shouting, not a term. */
function inAllCapsLine(text: string, start: number, end: number): boolean {
  let upper = 0;
  let lower = 0;
  const count = (code: number): void => {
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
    else if (code > 127) {
      const char = String.fromCharCode(code);
      if (char !== char.toLowerCase()) upper++;
      else if (char !== char.toUpperCase()) lower++;
    }
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

const singular = (word: string): string[] =>
  word.endsWith('ies') ? [word.slice(0, -3) + 'y'] : word.endsWith('es') ? [word.slice(0, -2), word.slice(0, -1)] : word.endsWith('s') ? [word.slice(0, -1)] : [];

/**
 * Is there a cue nearby? One ordinary cue word is enough; a weak one (a word with common meanings
 * outside the body) counts half. Each distinct cue counts once.
 */
function hasCueNearby(
  text: string,
  start: number,
  end: number,
  cues: ReadonlySet<string>,
  phrases: readonly string[],
  weak: ReadonlySet<string>,
): boolean {
  const words = [
    ...foldWords(text.slice(Math.max(0, start - CONTEXT_WINDOW), start), true),
    ...foldWords(text.slice(end, end + CONTEXT_WINDOW), true),
  ];
  const seen = new Set<string>();
  let score = 0;
  for (const word of words) {
    const cue = cues.has(word) ? word : singular(word).find((base) => cues.has(base));
    if (cue === undefined || seen.has(cue)) continue;
    seen.add(cue);
    score += weak.has(cue) ? 1 : 2;
    if (score >= 2) return true;
  }
  if (phrases.length === 0) return false;
  const joined = ` ${words.join(' ')} `;
  return phrases.some((phrase) => joined.includes(` ${phrase} `));
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
