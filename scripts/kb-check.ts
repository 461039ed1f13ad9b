/**
 * For KB writers: `npx tsx scripts/kb-check.ts data/entries/a.md ...` prints the format problems
 * and reading grades of the given files (all files when none are given), then the KB-wide
 * problems that concern them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintEntryLanguage, measureEntry } from '../lib/kb/language';
import { formatProblem, loadKb } from './kb-source';

const wanted = new Set(process.argv.slice(2).map((file) => resolve(file)));
const { entries, problems, fileOf } = loadKb();
const concerns = (file: string): boolean => wanted.size === 0 || wanted.has(resolve(file));
// While several writers draft entries in parallel, ids they have planned but not written yet are
// listed in .helpers/all-ids.txt (untracked); a link to one of them is reported as pending.
const pendingFile = resolve('.helpers/all-ids.txt');
const pending = new Set(existsSync(pendingFile) ? readFileSync(pendingFile, 'utf8').split(/\s+/) : []);
const isPending = (message: string): boolean => [...message.matchAll(/"([a-z0-9-]+)" is not an entry id|unknown entry "([a-z0-9-]+)"/g)].some((m) => pending.has(m[1] ?? m[2] ?? ''));
let count = 0;
for (const problem of problems) {
  if (!concerns(problem.file)) continue;
  if (isPending(problem.message)) {
    console.log(`pending (not written yet) ${formatProblem(problem)}`);
    continue;
  }
  console.log(`ERROR ${formatProblem(problem)}`);
  count++;
}
for (const entry of entries) {
  const file = fileOf(entry.id);
  if (!concerns(file)) continue;
  const grades = measureEntry(entry);
  const sections = Object.entries(grades.sections)
    .map(([title, grade]) => `${title}=${grade}`)
    .join(', ');
  console.log(`${file}: summary grade ${grades.summary}; ${sections}`);
  for (const problem of lintEntryLanguage(entry, file)) {
    console.log(`ERROR ${formatProblem(problem)}`);
    count++;
  }
}
console.log(count === 0 ? 'No problems.' : `${count} problem(s).`);
process.exit(count === 0 ? 0 : 1);
