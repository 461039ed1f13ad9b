/**
 * Character folding shared by the matcher and the KB validator. Every UTF-16 code unit folds to
 * exactly one code (or to IGNORED), so offsets in folded space are offsets in the page's text:
 * no copy of the page is made, and a match maps straight back to (node, offset).
 *
 * - letters fold to lowercase without accents ("É" → "e"); a letter whose lowercase is longer
 *   than one unit (rare: "İ") keeps its own code;
 * - space, tab, line breaks, no-break spaces, hyphens and the en dash fold to SEPARATOR, so
 *   "carpal-tunnel", "carpal–tunnel" and "carpal tunnel" are one form;
 * - apostrophes (straight, curly, modifier), the ® and ™ signs and combining marks fold to
 *   IGNORED: "Phalen’s", "Phalen's" and "Phalens" are one form, "Kinesio® tape" is "Kinesio
 *   tape", and a decomposed "é" is an "e".
 */
export const SEPARATOR = 32;
export const IGNORED = -1;

const SEPARATOR_CHARS = ' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000-\u2010\u2011\u2012\u2013\u2212';
const IGNORED_CHARS = "'\u00ad\u2018\u2019\u02bc\u2032\u200b\u200c\u200d\u2060\ufeff\u00ae\u2122";
/** Code units below this have precomputed tables; the rest are folded on demand. */
export const TABLE_SIZE = 0x2070;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces between words: a Latin term next to them still has a boundary. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const SEPARATOR_CODES = new Set([...SEPARATOR_CHARS].map((char) => char.charCodeAt(0)));
const IGNORED_CODES = new Set([...IGNORED_CHARS].map((char) => char.charCodeAt(0)));

/** A letter's base letter when it decomposes into an ASCII letter and accents ("é" → "e"), else the letter. */
const withoutAccent = (char: string, mayDecompose: boolean): number => {
  if (mayDecompose) {
    const base = char.normalize('NFD');
    if (base.length > 1 && base.charCodeAt(0) < 0x80) return base.charCodeAt(0);
  }
  return char.charCodeAt(0);
};

/**
 * Both fold tables in one pass. This runs on every page the content script starts on, so the
 * costly call (Unicode decomposition) is made only in stretches of 128 code units where some
 * character decomposes at all, which one call on the whole stretch tells.
 */
function buildTables(): { fold: Int32Array; keepCase: Int32Array } {
  const fold = new Int32Array(TABLE_SIZE);
  const keepCase = new Int32Array(TABLE_SIZE);
  const STRETCH = 128;
  for (let from = 0; from < TABLE_SIZE; from += STRETCH) {
    const codes: number[] = [];
    for (let code = from; code < from + STRETCH && code < TABLE_SIZE; code++) codes.push(code);
    const stretch = String.fromCharCode(...codes);
    const lowered = stretch.toLowerCase();
    const mayDecompose = stretch.normalize('NFD') !== stretch || lowered.normalize('NFD') !== lowered;
    for (const code of codes) {
      if (SEPARATOR_CODES.has(code)) {
        fold[code] = keepCase[code] = SEPARATOR;
        continue;
      }
      if (IGNORED_CODES.has(code) || (code >= 0x300 && code <= 0x36f)) {
        fold[code] = keepCase[code] = IGNORED;
        continue;
      }
      const char = String.fromCharCode(code);
      keepCase[code] = withoutAccent(char, mayDecompose);
      const lower = char.toLowerCase();
      fold[code] = lower.length !== 1 ? code : lower === char ? keepCase[code]! : withoutAccent(lower, mayDecompose);
    }
  }
  return { fold, keepCase };
}

const { fold: FOLD, keepCase: FOLD_KEEP_CASE } = buildTables();

/** Lowercase, accent-free code of one code unit, SEPARATOR or IGNORED. */
export function foldCode(code: number): number {
  if (code < TABLE_SIZE) return FOLD[code]!;
  if (code >= 0xfe00 && code <= 0xfe0f) return IGNORED;
  if (code === 0xfeff || code === 0x3000) return code === 0x3000 ? SEPARATOR : IGNORED;
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** Like foldCode but keeps case: what exact-case forms are compared with. */
export function foldCodeKeepCase(code: number): number {
  if (code < TABLE_SIZE) return FOLD_KEEP_CASE[code]!;
  return foldCode(code) === SEPARATOR ? SEPARATOR : foldCode(code) === IGNORED ? IGNORED : code;
}

/**
 * 1 where a code unit below TABLE_SIZE belongs to a word (see isWordCode). Built with one pass of
 * each pattern over all the code units (below TABLE_SIZE each is one character), not a test per unit.
 */
export const WORD_TABLE = new Uint8Array(TABLE_SIZE);
{
  const all = String.fromCharCode(...Array.from({ length: TABLE_SIZE }, (_, code) => code));
  const words = all.replace(new RegExp(`(?!${WORD_CHAR.source})[^]`, 'gu'), '\0').replace(new RegExp(UNSPACED_SCRIPT.source, 'gu'), '\0');
  for (let code = 1; code < TABLE_SIZE; code++) WORD_TABLE[code] = words.charCodeAt(code) === 0 ? 0 : 1;
}

/**
 * Does this code unit belong to a word, so that a term cannot start or end next to it?
 * Letters, digits and combining marks do; letters of scripts written without spaces (CJK, Thai)
 * do not, so "痛sciatica" still has a boundary. Surrogates (emoji, rare scripts) do not.
 */
export function isWordCode(code: number): boolean {
  if (code < TABLE_SIZE) return WORD_TABLE[code] === 1;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  const char = String.fromCharCode(code);
  return WORD_CHAR.test(char) && !UNSPACED_SCRIPT.test(char);
}

/** Text that is its own folded form: lowercase ASCII words with single spaces (most forms). */
const ALREADY_NORMAL = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** A form's folded text: lowercase, no accents, no apostrophes, one space between words. */
export function normalizeForm(text: string, keepCase = false): string {
  if (ALREADY_NORMAL.test(text)) return text;
  let out = '';
  let lastWasSeparator = true;
  for (let i = 0; i < text.length; i++) {
    const folded = keepCase ? foldCodeKeepCase(text.charCodeAt(i)) : foldCode(text.charCodeAt(i));
    if (folded === IGNORED) continue;
    if (folded === SEPARATOR) {
      if (!lastWasSeparator) out += ' ';
      lastWasSeparator = true;
      continue;
    }
    lastWasSeparator = false;
    out += String.fromCharCode(folded);
  }
  return out.trimEnd();
}

export const CAPITAL = 1;
export const SMALL = -1;

/** Is this code unit a capital letter (CAPITAL), a small one (SMALL), or neither (0)? */
export function letterCase(code: number): number {
  if (code >= 65 && code <= 90) return CAPITAL;
  if (code >= 97 && code <= 122) return SMALL;
  if (code <= 127) return 0;
  const char = String.fromCharCode(code);
  return char !== char.toLowerCase() ? CAPITAL : char !== char.toUpperCase() ? SMALL : 0;
}

/**
 * Folded words of a piece of text, punctuation dropped: for cue words and blocking words. With
 * `skipAcronyms`, words written in capitals ("ARM", "OT") are left out: as cues they are
 * acronyms, not the everyday words ("arm") they fold to.
 */
export function foldWords(text: string, skipAcronyms = false): string[] {
  const words: string[] = [];
  let current = '';
  let capitals = 0;
  let lower = 0;
  const end = (): void => {
    if (current && !(skipAcronyms && capitals >= 2 && lower === 0)) words.push(current);
    current = '';
    capitals = 0;
    lower = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldCode(code);
    if (folded === IGNORED) continue;
    if (folded !== SEPARATOR && isWordCode(code)) {
      current += String.fromCharCode(folded);
      const letter = letterCase(code);
      if (letter === CAPITAL) capitals++;
      else if (letter === SMALL) lower++;
    } else {
      end();
    }
  }
  end();
  return words;
}
