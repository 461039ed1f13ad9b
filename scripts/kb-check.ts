/**
 * For KB writers: `npx tsx scripts/kb-check.ts data/entries/a.md ...` prints the format problems
 * and reading grades of the given files (all files when none are given), then the KB-wide
 * problems that concern them.
 */
import { resolve } from 'node:path';
import { lintEntryLanguage, measureEntry } from '../lib/kb/language';
import { formatProblem, loadKb } from './kb-source';

const wanted = new Set(process.argv.slice(2).map((file) => resolve(file)));
const { entries, problems, fileOf } = loadKb();
const concerns = (file: string): boolean => wanted.size === 0 || wanted.has(resolve(file));
let count = 0;
for (const problem of problems) {
  if (!concerns(problem.file)) continue;
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
