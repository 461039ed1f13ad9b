import { buildTermData } from '../../lib/kb/term-data';
import type { TermData } from '../../lib/matcher/types';
import { loadKb } from '../kb-source';

/**
 * What PhysioLens is compared with: the knowledge base's detectable forms in one regular
 * expression, the way a quick highlighter would be written. Escaped, longest form first (so
 * "carpal tunnel syndrome" wins over "carpal tunnel"), case-insensitive, with Unicode word
 * boundaries. It knows nothing of plurals, hyphen/space variants, exact-case or context rules,
 * so it does less than the matcher: the comparison favours it.
 */
export const NAIVE_FLAGS = 'giu';

export interface BenchKb {
  readonly termData: TermData;
  /** Distinct detectable forms, longest first. */
  readonly forms: readonly string[];
  /** The naive expression's source (use with NAIVE_FLAGS). */
  readonly naiveSource: string;
}

export function loadBenchKb(): BenchKb {
  const kb = loadKb();
  if (kb.problems.length > 0) throw new Error(`The KB has ${kb.problems.length} problem(s): run npm run kb`);
  const termData = buildTermData(kb.entries, kb.rules.cueSets);
  const forms = detectableForms(termData);
  return { termData, forms, naiveSource: naivePatternSource(forms) };
}

export function detectableForms(data: TermData): string[] {
  return [...new Set(data.forms.map((form) => form.text))].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const escapeForRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function naivePatternSource(formsLongestFirst: readonly string[]): string {
  return `(?<![\\p{L}\\p{N}])(?:${formsLongestFirst.map(escapeForRegExp).join('|')})(?![\\p{L}\\p{N}])`;
}

export function naiveRegExp(kb: BenchKb): RegExp {
  return new RegExp(kb.naiveSource, NAIVE_FLAGS);
}
