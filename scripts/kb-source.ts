import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { foldWords } from '../lib/matcher/fold';
import { parseEntrySource, type KbProblem, type KbRules } from '../lib/kb/parse';
import type { Entry } from '../lib/kb/types';
import { validateKb } from '../lib/kb/validate';

/** Reads the KB source in `data/`: the rules files and every entry, validated. */
export const DATA_DIR = join(import.meta.dirname, '..', 'data');

export function loadKbRules(dataDir = DATA_DIR): KbRules {
  const cues = parseYaml(readFileSync(join(dataDir, 'cues.yaml'), 'utf8')) as Record<string, string[]>;
  const wordList = (file: string): string[] =>
    readFileSync(join(dataDir, file), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((word) => foldWords(word).join(' '));
  return { cueSets: cues, everydayWords: new Set(wordList('everyday-words.txt')), weakCues: wordList('weak-cues.txt') };
}

export interface LoadedKb {
  readonly entries: Entry[];
  readonly problems: KbProblem[];
  readonly fileOf: (id: string) => string;
  readonly rules: KbRules;
}

export function loadKb(dataDir = DATA_DIR): LoadedKb {
  const rules = loadKbRules(dataDir);
  const entriesDir = join(dataDir, 'entries');
  const files = readdirSync(entriesDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const entries: Entry[] = [];
  const problems: KbProblem[] = [];
  const files_ = new Map<string, string>();
  for (const name of files) {
    const path = join(entriesDir, name);
    const file = relative(process.cwd(), path) || path;
    const result = parseEntrySource(file, readFileSync(path, 'utf8'), rules);
    problems.push(...result.problems);
    if (result.entry) {
      entries.push(result.entry);
      files_.set(result.entry.id, file);
    }
  }
  const fileOf = (id: string): string => files_.get(id) ?? `data/entries/${id}.md`;
  problems.push(...validateKb(entries, fileOf));
  return { entries, problems, fileOf, rules };
}

export function formatProblem(problem: KbProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}
