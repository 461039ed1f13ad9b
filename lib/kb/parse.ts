import { parse as parseYaml, YAMLParseError } from 'yaml';
import { foldWords, normalizeForm } from '../matcher/fold';
import { blocksText, parseInline, parseMarkdownBlocks } from './markdown';
import { findAllowedSource, type ReferenceKind } from './references';
import type { Block, Entry, Inline, Reference, Section, TermSpec } from './types';
import {
  CATEGORIES,
  EVIDENCE_LEVELS,
  HELP_LEVELS,
  REGIONS,
  REQUIRED_SECTIONS,
  SECTION_TITLES,
  TAGS,
  type Category,
  type SectionTitle,
} from './vocabulary';

/** A problem in one KB file: which file, which field, what is wrong. */
export interface KbProblem {
  readonly file: string;
  readonly field: string;
  readonly message: string;
}

export interface KbRules {
  /** Named cue sets (`data/cues.yaml`). */
  readonly cueSets: Readonly<Record<string, readonly string[]>>;
  /** Single words that need a rule (`data/everyday-words.txt`), folded. */
  readonly everydayWords: ReadonlySet<string>;
  /** Cue words that count half (`data/weak-cues.txt`), folded. */
  readonly weakCues?: readonly string[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ICD10CM = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KNOWN_FIELDS = new Set([
  'id', 'name', 'category', 'tags', 'regions', 'terms', 'keywords', 'related', 'codes', 'evidence', 'references', 'reviewed',
]);
const TERM_FIELDS = new Set(['text', 'caseSensitive', 'context', 'match', 'blockedBy', 'ambiguous']);
export const SUMMARY_MAX_WORDS = 35;
export const SUMMARY_MAX_SENTENCES = 2;

/** Is this form written in capitals, like an abbreviation ("CTS", "ACL", "TENS")? */
export function isAbbreviation(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && /\p{Lu}/u.test(letters) && letters.replace(/s$/, '') === letters.replace(/s$/, '').toUpperCase();
}

export function parseEntrySource(file: string, source: string, rules: KbRules): { entry?: Entry; problems: KbProblem[] } {
  const problems: KbProblem[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ file, field, message });
  };

  const split = FRONT_MATTER.exec(source);
  if (!split) {
    problem('front matter', 'the file must start with "---", the YAML fields, and a closing "---"');
    return { problems };
  }
  let data: unknown;
  try {
    data = parseYaml(split[1]!, { schema: 'core', uniqueKeys: true });
  } catch (error) {
    const where = error instanceof YAMLParseError ? ` (line ${(error.linePos?.[0]?.line ?? 0) + 1})` : '';
    problem('front matter', `not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`);
    return { problems };
  }
  if (!isRecord(data)) {
    problem('front matter', 'must be a YAML mapping of fields');
    return { problems };
  }
  for (const key of Object.keys(data)) if (!KNOWN_FIELDS.has(key)) problem(key, 'unknown field');

  const fileId = file.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const id = requireString(data, 'id', problem);
  if (id !== undefined && !ID.test(id)) problem('id', `"${id}" must be kebab-case (a-z, 0-9, hyphens)`);
  if (id !== undefined && id !== fileId) problem('id', `"${id}" must equal the file name "${fileId}"`);
  const name = requireString(data, 'name', problem);
  const category = requireOneOf(data, 'category', CATEGORIES, problem);
  const tags = optionalList(data, 'tags', problem).filter((tag) => checkOneOf(tag, TAGS, 'tags', problem));
  const regions = optionalList(data, 'regions', problem).filter((region) => checkOneOf(region, REGIONS, 'regions', problem));
  if (regions.length === 0) problem('regions', 'at least one region is required (whole-body when none fits)');
  if (new Set(regions).size !== regions.length) problem('regions', 'a region is listed twice');
  const keywords = optionalList(data, 'keywords', problem);
  const related = optionalList(data, 'related', problem);
  for (const relatedId of related) if (relatedId === id) problem('related', 'an entry cannot be related to itself');
  if (new Set(related).size !== related.length) problem('related', 'an id is listed twice');
  const reviewed = requireString(data, 'reviewed', problem);
  if (reviewed !== undefined && !(DATE.test(reviewed) && !Number.isNaN(Date.parse(reviewed)))) problem('reviewed', `"${reviewed}" must be a date YYYY-MM-DD`);

  const codes: { icd10cm?: string[] } = {};
  if (data.codes !== undefined) {
    if (!isRecord(data.codes)) problem('codes', 'must be a mapping such as { icd10cm: [G56.0] }');
    else {
      for (const key of Object.keys(data.codes)) if (key !== 'icd10cm') problem(`codes.${key}`, 'only icd10cm codes may be shipped');
      const icd = optionalList(data.codes, 'icd10cm', (field, message) => problem(`codes.${field}`, message));
      for (const code of icd) if (!ICD10CM.test(code)) problem('codes.icd10cm', `"${code}" is not an ICD-10-CM code`);
      if (icd.length > 0) codes.icd10cm = icd;
    }
  }

  let evidence: Entry['evidence'];
  if (category === 'treatment') evidence = requireOneOf(data, 'evidence', EVIDENCE_LEVELS, problem);
  else if (data.evidence !== undefined) problem('evidence', 'only treatments state the strength of evidence');

  const references = parseReferences(data.references, category, problem);
  const terms = name === undefined ? [] : parseTerms(data.terms, name, rules, problem);
  const body = parseBody(split[2]!, category, problem);

  if (problems.length > 0 || id === undefined || name === undefined || category === undefined || reviewed === undefined || !body) {
    return { problems };
  }
  const entry: Entry = {
    id,
    name,
    category,
    tags: tags as Entry['tags'],
    regions: regions as Entry['regions'],
    terms,
    keywords,
    summary: body.summary,
    sections: body.sections,
    related,
    codes,
    ...(evidence ? { evidence } : {}),
    references,
    reviewed,
  };
  return { entry, problems };
}

type Report = (field: string, message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(data: Record<string, unknown>, field: string, problem: Report): string | undefined {
  const value = data[field];
  if (value === undefined || value === null) {
    problem(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    problem(field, `must be text, got ${JSON.stringify(value)}`);
    return undefined;
  }
  if (value !== value.trim()) problem(field, 'has spaces at the start or end');
  return value;
}

function requireOneOf<T extends string>(data: Record<string, unknown>, field: string, allowed: readonly T[], problem: Report): T | undefined {
  const value = requireString(data, field, problem);
  if (value === undefined) return undefined;
  return checkOneOf(value, allowed, field, problem) ? (value as T) : undefined;
}

function checkOneOf(value: string, allowed: readonly string[], field: string, problem: Report): boolean {
  if (allowed.includes(value)) return true;
  problem(field, `"${value}" is not one of: ${allowed.join(', ')}`);
  return false;
}

function optionalList(data: Record<string, unknown>, field: string, problem: Report): string[] {
  const value = data[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem(field, 'must be a list');
    return [];
  }
  return value.filter((item): item is string => {
    if (typeof item === 'string' && item.trim() !== '') return true;
    problem(field, `${JSON.stringify(item)} must be non-empty text`);
    return false;
  });
}

function parseReferences(value: unknown, category: Category | undefined, problem: Report): Reference[] {
  if (!Array.isArray(value) || value.length === 0) {
    problem('references', 'at least one reference is required');
    return [];
  }
  const references: Reference[] = [];
  value.forEach((item, index) => {
    const field = `references[${index}]`;
    if (!isRecord(item)) {
      problem(field, 'must be { label, url, kind }');
      return;
    }
    for (const key of Object.keys(item)) if (!['label', 'url', 'kind'].includes(key)) problem(`${field}.${key}`, 'unknown field');
    const label = requireString(item, 'label', (f, m) => problem(`${field}.${f}`, m));
    const url = requireString(item, 'url', (f, m) => problem(`${field}.${f}`, m));
    const kind = requireOneOf<ReferenceKind>(item, 'kind', ['patient', 'professional'], (f, m) => problem(`${field}.${f}`, m));
    if (!label || !url || !kind) return;
    const source = findAllowedSource(url);
    if (!source) problem(`${field}.url`, `"${url}" does not match an allowed source (lib/kb/references.ts)`);
    else if (source.kind !== kind) problem(`${field}.kind`, `${source.site} pages are ${source.kind} references, not ${kind}`);
    references.push({ label, url, kind });
  });
  if (!references.some((reference) => reference.kind === 'patient')) problem('references', 'needs a patient-level reference');
  if (category && (category === 'condition' || category === 'procedure') && !references.some((reference) => reference.kind === 'professional')) {
    problem('references', `a ${category} needs a professional reference`);
  }
  return references;
}

function parseTerms(value: unknown, name: string, rules: KbRules, problem: Report): TermSpec[] {
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    problem('terms', 'must be a list');
    return [];
  }
  const items: unknown[] = Array.isArray(value) ? value : [];
  const specs: TermSpec[] = [];
  items.forEach((item, index) => {
    const spec = parseTerm(item, `terms[${index}]`, rules, problem);
    if (spec) specs.push(spec);
  });
  const nameKey = normalizeForm(name);
  const keys = new Set<string>();
  for (const spec of specs) {
    const key = `${normalizeForm(spec.text)}|${spec.caseSensitive ? spec.text : ''}`;
    if (keys.has(key)) problem('terms', `"${spec.text}" is listed twice (after folding case, accents and punctuation)`);
    keys.add(key);
  }
  const nameSpec = specs.find((spec) => normalizeForm(spec.text) === nameKey && !spec.caseSensitive);
  if (nameSpec) return [nameSpec, ...specs.filter((spec) => spec !== nameSpec)];
  const implicit = parseTerm(name, 'name', rules, problem);
  return implicit ? [implicit, ...specs] : specs;
}

function parseTerm(item: unknown, field: string, rules: KbRules, problem: Report): TermSpec | undefined {
  const record: Record<string, unknown> | undefined = typeof item === 'string' ? { text: item } : isRecord(item) ? item : undefined;
  if (!record) {
    problem(field, 'must be text or { text, caseSensitive, context, match, blockedBy, ambiguous }');
    return undefined;
  }
  for (const key of Object.keys(record)) if (!TERM_FIELDS.has(key)) problem(`${field}.${key}`, 'unknown field');
  const text = record.text;
  if (typeof text !== 'string' || text.trim() === '' || normalizeForm(text) === '') {
    problem(`${field}.text`, 'must be non-empty text');
    return undefined;
  }
  if (text !== text.trim()) problem(`${field}.text`, `"${text}" has spaces at the start or end`);
  const where = `${field} "${text}"`;
  for (const flag of ['caseSensitive', 'ambiguous'] as const) {
    if (record[flag] !== undefined && typeof record[flag] !== 'boolean') problem(`${where}.${flag}`, 'must be true or false');
  }
  const caseSensitive = record.caseSensitive === true;
  const ambiguous = record.ambiguous === true;
  let match: TermSpec['match'];
  if (record.match !== undefined) {
    if (record.match === 'never' || record.match === 'always') match = record.match;
    else problem(`${where}.match`, 'must be "never" or "always"');
  }

  let context: string[] | undefined;
  if (record.context !== undefined) {
    const names = typeof record.context === 'string' ? [record.context] : Array.isArray(record.context) ? record.context : undefined;
    if (!names || names.length === 0 || !names.every((cue) => typeof cue === 'string' && cue.trim() !== '')) {
      problem(`${where}.context`, 'must be a cue set name, a word, or a list of them');
    } else {
      // Set names stay names (the term data ships each set once); other items are literal cue words.
      context = [...new Set((names as string[]).map((cue) => (cue in rules.cueSets ? cue : foldWords(cue).join(' '))))];
    }
  }

  const blocked: { before?: string[]; after?: string[] } = {};
  if (record.blockedBy !== undefined) {
    if (!isRecord(record.blockedBy)) problem(`${where}.blockedBy`, 'must be { before: [...], after: [...] }');
    else {
      for (const key of Object.keys(record.blockedBy)) if (key !== 'before' && key !== 'after') problem(`${where}.blockedBy.${key}`, 'unknown field');
      const before = optionalList(record.blockedBy, 'before', (f, m) => problem(`${where}.blockedBy.${f}`, m));
      const after = optionalList(record.blockedBy, 'after', (f, m) => problem(`${where}.blockedBy.${f}`, m));
      if (before.length > 0) blocked.before = before;
      if (after.length > 0) blocked.after = after;
    }
  }

  const detected = match !== 'never';
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (detected && isAbbreviation(text) && !caseSensitive) {
    problem(`${where}.caseSensitive`, 'an abbreviation must match in exact case: add caseSensitive: true');
  }
  if (detected && isAbbreviation(text) && letters <= 4 && !context) {
    problem(`${where}.context`, 'an abbreviation of 4 letters or fewer needs a context rule (or match: never)');
  }
  const words = foldWords(text);
  if (detected && words.length === 1 && rules.everydayWords.has(words[0]!) && !context) {
    problem(`${where}.context`, `"${text}" is an everyday word (data/everyday-words.txt): it needs a context rule or match: never`);
  }
  if (ambiguous && !context) problem(`${where}.ambiguous`, 'an ambiguous form needs a context rule that tells its entries apart');

  return {
    text,
    ...(caseSensitive ? { caseSensitive } : {}),
    ...(context ? { context } : {}),
    ...(match ? { match } : {}),
    ...(blocked.before ? { blockedBefore: blocked.before } : {}),
    ...(blocked.after ? { blockedAfter: blocked.after } : {}),
    ...(ambiguous ? { ambiguous } : {}),
  };
}

function parseBody(body: string, category: Category | undefined, problem: Report): { summary: string; sections: Section[] } | undefined {
  const parts = body.split(/^## +(.*)$/m);
  const summarySource = parts[0]!.trim();
  const summaryProblems: string[] = [];
  let summary = '';
  if (summarySource === '') problem('summary', 'the summary paragraph before the first ## section is missing');
  else if (summarySource.includes('\n\n')) problem('summary', 'the summary must be one paragraph');
  else if (/^#/m.test(summarySource)) problem('summary', 'use ## for sections');
  else summary = parseInline(summarySource.replace(/\s*\n\s*/g, ' '), summaryProblems).map((node) => (typeof node === 'string' ? node : '')).join('');
  if (summary !== summarySource.replace(/\s*\n\s*/g, ' ')) {
    if (summarySource !== '') problem('summary', 'must be plain text (no links or emphasis): it is shown in the tooltip');
  }
  const summaryWords = summary.split(/\s+/).filter(Boolean).length;
  if (summaryWords > SUMMARY_MAX_WORDS) problem('summary', `has ${summaryWords} words; at most ${SUMMARY_MAX_WORDS}`);
  const sentenceCount = summary.split(/(?<=[.!?])\s+/).filter(Boolean).length;
  if (sentenceCount > SUMMARY_MAX_SENTENCES) problem('summary', `has ${sentenceCount} sentences; at most ${SUMMARY_MAX_SENTENCES}`);

  const sections: Section[] = [];
  let lastOrder = -1;
  for (let k = 1; k < parts.length; k += 2) {
    const title = parts[k]!.trim();
    const field = `section "${title}"`;
    const order = SECTION_TITLES.indexOf(title as SectionTitle);
    if (order < 0) {
      problem(field, `unknown section; allowed: ${SECTION_TITLES.join(', ')}`);
      continue;
    }
    if (order <= lastOrder) problem(field, 'is out of order or repeated (see data/README.md for the order)');
    lastOrder = Math.max(lastOrder, order);
    const parsed = parseMarkdownBlocks(parts[k + 1] ?? '');
    for (const message of parsed.problems) problem(field, message);
    if (parsed.blocks.length === 0) problem(field, 'is empty');
    sections.push({ title: title as SectionTitle, blocks: parsed.blocks });
  }
  if (category) {
    for (const required of REQUIRED_SECTIONS[category]) {
      if (!sections.some((section) => section.title === required)) problem(`section "${required}"`, `is required for a ${category}`);
    }
  }
  const help = sections.find((section) => section.title === 'When to get help');
  if (help && (category === 'condition' || category === 'procedure')) checkHelpLevels(help.blocks, problem);
  const therapy = sections.find((section) => section.title === 'How physical therapy helps');
  if (therapy && category === 'treatment') {
    for (const lead of ['In a session:', 'Evidence:']) {
      if (!therapy.blocks.some((block) => block.type === 'paragraph' && startsWithStrong(block.children, lead))) {
        problem('section "How physical therapy helps"', `a treatment needs a paragraph starting **${lead}**`);
      }
    }
  }
  return { summary, sections };
}

function startsWithStrong(children: readonly Inline[], lead: string): boolean {
  const first = children[0];
  return typeof first === 'object' && first.type === 'strong' && blocksText([{ type: 'paragraph', children: first.children }]).trim() === lead;
}

function checkHelpLevels(blocks: readonly Block[], problem: Report): void {
  const items = blocks.flatMap((block) => (block.type === 'list' ? block.items : []));
  for (const level of HELP_LEVELS) {
    if (!items.some((item) => startsWithStrong(item, `${level}:`))) {
      problem('section "When to get help"', `needs a list item starting **${level}:**`);
    }
  }
}
