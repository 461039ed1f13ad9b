import { foldCode, foldWords, IGNORED, isWordCode, normalizeForm, SEPARATOR, TABLE_SIZE } from './fold';
import type { TermData } from './types';

/**
 * All forms compiled into one trie, walked once per word start (an equivalent of Aho–Corasick for
 * whole-word matching: no pass per term). Characters are first mapped to small symbol numbers
 * (only the characters that occur in some form get one), so a transition is one lookup of a
 * small-integer key, and a character no form contains ends the walk at once. Regular plurals are
 * added here rather than shipped in the data; possessives need nothing, since apostrophes fold
 * away ("ACL's" is "acls").
 */
export interface Matcher {
  readonly data: TermData;
  /** Symbol of each code unit below TABLE_SIZE: NO_SYMBOL, IGNORED_SYMBOL, SEPARATOR_SYMBOL or a letter's. */
  readonly symbols: Uint16Array;
  /**
   * The one lookup the word reader makes per character below TABLE_SIZE: a letter's symbol (> 0),
   * NOT_IN_ANY_FORM for a word character no form contains, BOUNDARY, APOSTROPHE (ignored; the word
   * goes on if a letter follows) or MARK (a combining accent: ignored, inside the word).
   */
  readonly wordClasses: Int16Array;
  /** Symbols of folded code units at or above TABLE_SIZE. */
  readonly wideSymbols: ReadonlyMap<number, number>;
  /**
   * Transitions, packed: the children of node n are childNodes[childStart[n] .. childStart[n + 1]),
   * labelled by childSymbols (most nodes have one child); the root's children by symbol in
   * rootChildren (0: none). Typed arrays: small in memory, quick to walk.
   */
  readonly rootChildren: Int32Array;
  readonly childStart: Int32Array;
  readonly childSymbols: Uint16Array;
  readonly childNodes: Int32Array;
  /**
   * Bit set of the hashes of the first word of every form (and plural), over symbols: most words
   * of a page are rejected by one bit test, and only words that may begin some form start a walk
   * of the trie (which settles it; a false hit, about one word in a hundred, costs a short walk).
   */
  readonly firstWordBits: Uint32Array;
  /** Per node: the forms that end there, if any. */
  readonly accept: readonly (readonly number[] | undefined)[];
  /** Per form: its folded text with case kept and no separators, for exact-case checks. */
  readonly exactKeys: readonly (string | undefined)[];
  /** Cue words that count half. */
  readonly weakCues: ReadonlySet<string>;
  /**
   * Per form with a context rule: its cue words by `cueHash`, so the words near a match are looked
   * up without building strings; and its cue phrases of several words.
   */
  readonly cueHashes: readonly (ReadonlyMap<number, string> | undefined)[];
  readonly cuePhrases: readonly (readonly string[] | undefined)[];
  /** Per form: blocking phrases as word lists. */
  readonly blockedBefore: readonly (readonly (readonly string[])[] | undefined)[];
  readonly blockedAfter: readonly (readonly (readonly string[])[] | undefined)[];
}

export const NO_SYMBOL = 0;
export const SEPARATOR_SYMBOL = 1;
export const IGNORED_SYMBOL = 0xffff;
/** Symbols are below this (the root's children are looked up by symbol in an array this long). */
export const SYMBOL_SPACE = 1024;
/** Size of the first-word bit set: 2^18 bits (32 KB), so a miss is almost always certain. */
const FIRST_WORD_BITS = 1 << 18;

/** The singulars a plural may stand for, as cue words are read: "injuries" → ["injury"], "braces" → ["brac", "brace"]. */
export const singularsOf = (word: string): string[] =>
  word.endsWith('ies') ? [word.slice(0, -3) + 'y'] : word.endsWith('es') ? [word.slice(0, -2), word.slice(0, -1)] : word.endsWith('s') ? [word.slice(0, -1)] : [];

/** "sprain" → ["sprains"], "injury" → ["injuries"], "brace" → ["braces"], "press" → ["presses"]. */
export function pluralsOf(folded: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(folded)) return [folded + 'es'];
  if (/[^aeiou]y$/.test(folded)) return [folded.slice(0, -1) + 'ies', folded + 's'];
  return [folded + 's'];
}

export function compileMatcher(data: TermData): Matcher {
  const steps = compileSteps(data);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Keys added to the trie between two pauses of the compile. */
const KEYS_PER_STEP = 800;

/**
 * The compile as steps of a few milliseconds each: the caller may give the page its turn between
 * two (the content script does: the compile runs on every page load, and on a slow phone all at
 * once it would be a long task). Each `yield` is a pause; the return value is the matcher.
 */
export function* compileSteps(data: TermData): Generator<void, Matcher, void> {
  const symbolOfFolded = new Map<number, number>([[SEPARATOR, SEPARATOR_SYMBOL]]);
  // The same, as an array for the folded codes of the tables (nearly all): one read per character.
  const tableSymbol = new Uint16Array(TABLE_SIZE);
  tableSymbol[SEPARATOR] = SEPARATOR_SYMBOL;
  const symbolFor = (folded: number): number => {
    if (folded < TABLE_SIZE && tableSymbol[folded] !== 0) return tableSymbol[folded]!;
    let symbol = symbolOfFolded.get(folded);
    if (symbol === undefined) {
      symbol = symbolOfFolded.size + 1;
      if (symbol >= SYMBOL_SPACE) throw new Error('Too many distinct characters in the term data');
      symbolOfFolded.set(folded, symbol);
      if (folded < TABLE_SIZE) tableSymbol[folded] = symbol;
    }
    return symbol;
  };

  // The trie is grown as linked lists of children in typed arrays (a page compiles it on every
  // load, so it allocates little), then packed. A key adds at most one node per character.
  const keys: { key: string; form: number }[] = [];
  let capacity = 1;
  for (let index = 0; index < data.forms.length; index++) {
    const key = normalizeForm(data.forms[index]!.text);
    if (!key) continue;
    // "Hawkins sign", "Patrick test": a name and "sign" or "test", whose "Hawkins signs" and
    // "Patrick tests" are news about a person, not plurals. (Longer forms keep their plurals.)
    const eponymous = /^\p{Lu}/u.test(data.forms[index]!.text) && /^\S+ (?:test|sign)$/.test(key);
    for (const variant of eponymous ? [key] : [key, ...pluralsOf(key)]) {
      keys.push({ key: variant, form: index });
      capacity += variant.length;
    }
    if (index % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
  }
  yield;
  const firstChild = new Int32Array(capacity);
  const nextSibling = new Int32Array(capacity);
  const nodeSymbol = new Uint16Array(capacity);
  const accept: number[][] = [];
  let nodeCount = 1;
  // The root has a child for most symbols: those are found by symbol, not along a list.
  const rootChildren = new Int32Array(SYMBOL_SPACE);
  const insert = (key: string, formIndex: number): void => {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const symbol = symbolFor(key.charCodeAt(i));
      let child = node === 0 ? rootChildren[symbol]! : firstChild[node]!;
      if (node !== 0) while (child !== 0 && nodeSymbol[child] !== symbol) child = nextSibling[child]!;
      if (child === 0) {
        child = nodeCount++;
        nodeSymbol[child] = symbol;
        nextSibling[child] = firstChild[node]!;
        firstChild[node] = child;
        if (node === 0) rootChildren[symbol] = child;
      }
      node = child;
    }
    const forms = (accept[node] ??= []);
    if (!forms.includes(formIndex)) forms.push(formIndex);
  };
  const firstWordBits = new Uint32Array(FIRST_WORD_BITS / 32);
  const addFirstWord = (key: string): void => {
    let hash = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (!isWordCode(code)) break;
      hash = hashStep(hash, symbolFor(code));
    }
    firstWordBits[(hash >>> 5) & (FIRST_WORD_BITS / 32 - 1)]! |= 1 << (hash & 31);
  };
  for (let index = 0; index < keys.length; index++) {
    const { key, form } = keys[index]!;
    insert(key, form);
    addFirstWord(key);
    if (index % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
  }
  accept.length = nodeCount;
  const packed = { rootChildren, ...packTransitions(firstChild, nextSibling, nodeSymbol, nodeCount) };
  yield;
  const symbols = new Uint16Array(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) {
    const folded = foldCode(code);
    symbols[code] = folded === IGNORED ? IGNORED_SYMBOL : (symbolOfFolded.get(folded) ?? NO_SYMBOL);
  }
  const wideSymbols = new Map([...symbolOfFolded].filter(([folded]) => folded >= TABLE_SIZE));
  const wordClasses = new Int16Array(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) wordClasses[code] = classOf(code, symbols[code]!);

  // One set of cue words per distinct combination of groups and the form's own words, shared by
  // the forms that use it. A form is never its own cue: its own words are left out of its cues,
  // or a second "stroke" (of a brush, of an engine) would vouch for the first.
  const cueCache = new Map<string, { hashes: Map<number, string>; phrases: string[] }>();
  const cuesOf = (groups: readonly number[], formText: string) => {
    const own = foldWords(formText).flatMap((word) => [word, ...singularsOf(word)]);
    const key = `${groups.join(',')}|${own.join(' ')}`;
    let cues = cueCache.get(key);
    if (!cues) {
      const all = groups.flatMap((group) => data.cues[group] ?? []).filter((word) => !own.includes(word));
      const words = new Set(all.filter((word) => !word.includes(' ')));
      const hashes = new Map([...words].map((word) => [cueHash(word), word]));
      // Never with today's cue words (a KB test compiles them); a new word that collides needs another hash.
      if (hashes.size !== words.size) throw new Error(`Two cue words share a hash in context group(s) ${key}`);
      cues = { hashes, phrases: all.filter((word) => word.includes(' ')) };
      cueCache.set(key, cues);
    }
    return cues;
  };
  const toPhrases = (phrases: readonly string[] | undefined) =>
    phrases && phrases.length > 0 ? phrases.map((phrase) => foldWords(phrase)) : undefined;
  yield;

  return {
    data,
    symbols,
    wordClasses,
    wideSymbols,
    ...packed,
    firstWordBits,
    accept,
    weakCues: new Set(data.weakCues ?? []),
    exactKeys: data.forms.map((form) => (form.exact ? normalizeForm(form.text, true).replaceAll(' ', '') : undefined)),
    cueHashes: data.forms.map((form) => (form.context ? cuesOf(form.context, form.text).hashes : undefined)),
    cuePhrases: data.forms.map((form) => (form.context ? cuesOf(form.context, form.text).phrases : undefined)),
    blockedBefore: data.forms.map((form) => toPhrases(form.before)),
    blockedAfter: data.forms.map((form) => toPhrases(form.after)),
  };
}

/** The symbol of any code unit. */
export function symbolOf(matcher: Matcher, code: number): number {
  if (code < TABLE_SIZE) return matcher.symbols[code]!;
  const folded = foldCode(code);
  if (folded === IGNORED) return IGNORED_SYMBOL;
  if (folded === SEPARATOR) return SEPARATOR_SYMBOL;
  return matcher.wideSymbols.get(folded) ?? NO_SYMBOL;
}

/** One step of the word hash the matcher and the compiler share (over symbols, not characters). */
export function hashStep(hash: number, symbol: number): number {
  return (Math.imul(hash, 31) + symbol) | 0;
}

export const NOT_IN_ANY_FORM = 0;
export const BOUNDARY = -1;
export const APOSTROPHE = -2;
export const MARK = -3;

function classOf(code: number, symbol: number): number {
  const word = isWordCode(code);
  if (symbol === IGNORED_SYMBOL) return word ? MARK : APOSTROPHE;
  if (!word) return BOUNDARY;
  return symbol === NO_SYMBOL ? NOT_IN_ANY_FORM : symbol;
}

/** The word class of any code unit (see Matcher.wordClasses). */
export function wordClassOf(matcher: Matcher, code: number): number {
  return code < TABLE_SIZE ? matcher.wordClasses[code]! : classOf(code, symbolOf(matcher, code));
}

/** The linked children of every node, packed into contiguous runs (see Matcher). */
function packTransitions(firstChild: Int32Array, nextSibling: Int32Array, nodeSymbol: Uint16Array, nodeCount: number) {
  const childStart = new Int32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) {
    let children = 0;
    for (let child = firstChild[node]!; child !== 0; child = nextSibling[child]!) children++;
    childStart[node + 1] = childStart[node]! + children;
  }
  const childSymbols = new Uint16Array(childStart[nodeCount]!);
  const childNodes = new Int32Array(childStart[nodeCount]!);
  for (let node = 0; node < nodeCount; node++) {
    let at = childStart[node]!;
    for (let child = firstChild[node]!; child !== 0; child = nextSibling[child]!, at++) {
      childSymbols[at] = nodeSymbol[child]!;
      childNodes[at] = child;
    }
  }
  return { childStart, childSymbols, childNodes };
}

/** The child of a node along a symbol, or 0 (the root is never a child). */
export function childOf(matcher: Matcher, node: number, symbol: number): number {
  if (node === 0) return matcher.rootChildren[symbol]!;
  const { childStart, childSymbols, childNodes } = matcher;
  for (let at = childStart[node]!, end = childStart[node + 1]!; at < end; at++) {
    if (childSymbols[at] === symbol) return childNodes[at]!;
  }
  return 0;
}

/** Might this word hash begin a form? (A miss is certain; a hit is settled by the trie walk.) */
export function mayBeginForm(matcher: Matcher, hash: number): boolean {
  return (matcher.firstWordBits[(hash >>> 5) & (FIRST_WORD_BITS / 32 - 1)]! & (1 << (hash & 31))) !== 0;
}

/** One step of the hash of a folded cue word (over folded codes). */
export function cueHashStep(hash: number, folded: number): number {
  return (Math.imul(hash, 33) + folded) | 0;
}

export function cueHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = cueHashStep(hash, word.charCodeAt(i));
  return hash;
}
