import type { Matcher } from './compile';
import { normalizeForm } from './fold';
import type { TermMatch } from './types';

/**
 * Abbreviations a page defines for itself: "Abbreviated Injury Scale (AIS)", "Charcot-Marie-Tooth
 * disease (CMT)", "prothrombin time (PT)". When a page spells out one of our abbreviations as
 * something that is none of its entry's forms, the abbreviation is not ours anywhere on that page;
 * "physical therapy (PT)" confirms it instead. The long form is found as Schwartz and Hearst do:
 * the abbreviation's letters in order in the words before the parentheses, the first letter
 * starting a word. (The other order, "PT (prothrombin time)", is left to the entries' blocking
 * words: the content script has no room for both.)
 */
export type Definitions = ReadonlyMap<string, boolean>;

/** "Long Form (ABBR)": the abbreviation in parentheses. */
const LONG_THEN_SHORT = /\(([A-Za-z][A-Za-z0-9]{1,5}?)s?\)/g;
/** Words before "(ABBR)" searched for its long form. */
const LONG_FORM_WORDS = 8;

interface AbbreviationIndex {
  /** Per abbreviation (as written, exact case): the folded forms of the entries it belongs to. */
  readonly longForms: ReadonlyMap<string, ReadonlySet<string>>;
}

const indexes = new WeakMap<Matcher, AbbreviationIndex>();

function indexOf(matcher: Matcher): AbbreviationIndex {
  let index = indexes.get(matcher);
  if (!index) {
    const { forms } = matcher.data;
    const keysOfEntry = new Map<number, Set<string>>();
    forms.forEach((form) => {
      const keys = keysOfEntry.get(form.entry) ?? new Set<string>();
      keys.add(normalizeForm(form.text));
      keysOfEntry.set(form.entry, keys);
    });
    const longForms = new Map<string, Set<string>>();
    for (const form of forms) {
      if (!form.exact) continue;
      const keys = longForms.get(form.text) ?? new Set<string>();
      for (const key of keysOfEntry.get(form.entry) ?? []) keys.add(key);
      longForms.set(form.text, keys);
    }
    index = { longForms };
    indexes.set(matcher, index);
  }
  return index;
}

/** Do the letters of `abbreviation` spell, in order, the end of `words`, starting at a word start? */
function spells(abbreviation: string, words: string): boolean {
  const letters = abbreviation.toLowerCase();
  const text = words.toLowerCase();
  let at = text.length - 1;
  for (let k = letters.length - 1; k >= 0; k--) {
    const letter = letters[k]!;
    while (at >= 0 && (text[at] !== letter || (k === 0 && at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)))) at--;
    if (at < 0) return false;
    at--;
  }
  return true;
}

/** The shortest run of words ending the text before "(ABBR)" that the abbreviation spells. */
function longFormBefore(abbreviation: string, before: string): string | undefined {
  const words = before.trimEnd().split(/\s+/);
  for (let count = 1; count <= Math.min(LONG_FORM_WORDS, words.length); count++) {
    const candidate = words.slice(words.length - count).join(' ');
    if (/^[\p{L}\p{N}]/u.test(candidate) && candidate[0]!.toLowerCase() === abbreviation[0]!.toLowerCase() && spells(abbreviation, candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * The abbreviations of ours that a block of text defines, each with whether the definition is
 * one of its entry's forms. Cheap where there is nothing to find: most blocks have no "(".
 */
export function findDefinitions(matcher: Matcher, text: string): Map<string, boolean> | undefined {
  if (!text.includes('(')) return undefined;
  const { longForms } = indexOf(matcher);
  let found: Map<string, boolean> | undefined;
  const note = (abbreviation: string, longForm: string): void => {
    const keys = longForms.get(abbreviation)!;
    const key = normalizeForm(longForm);
    const ours = keys.has(key) || keys.has(key.replace(/s$/, ''));
    found ??= new Map();
    found.set(abbreviation, (found.get(abbreviation) ?? false) || ours);
  };
  for (const match of text.matchAll(LONG_THEN_SHORT)) {
    const abbreviation = match[1]!;
    if (!longForms.has(abbreviation)) continue;
    const longForm = longFormBefore(abbreviation, text.slice(Math.max(0, match.index - 120), match.index));
    if (longForm) note(abbreviation, longForm);
  }
  return found;
}

/**
 * The matches of abbreviations the page defines as something else, from the definitions of all
 * its blocks: an abbreviation defined once as ours stays ours.
 */
export function definedOtherwise(matcher: Matcher, definitions: Iterable<Definitions>): ((match: TermMatch) => boolean) | undefined {
  const verdict = new Map<string, boolean>();
  for (const found of definitions) for (const [abbreviation, ours] of found) verdict.set(abbreviation, (verdict.get(abbreviation) ?? false) || ours);
  const others = new Set([...verdict].filter(([, ours]) => !ours).map(([abbreviation]) => abbreviation));
  if (others.size === 0) return undefined;
  return (match) => matcher.exactKeys[match.form] !== undefined && others.has(matcher.data.forms[match.form]!.text);
}
