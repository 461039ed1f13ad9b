/**
 * Build step: validate data/entries/*.md and write data/generated/kb.json (full entries, for the
 * popup, side panel and background) and data/generated/terms.json (the content script's forms).
 * Fails with file, field and problem for every invalid entry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addBacklinks } from '../lib/kb/backlinks';
import { buildTermData } from '../lib/kb/term-data';
import { packTermData } from '../lib/matcher/pack';
import type { CompiledKb } from '../lib/kb/types';
import { DATA_DIR, formatProblem, loadKb } from './kb-source';

const loaded = loadKb();
const { entries, problems } = loaded;
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\nThe knowledge base has ${problems.length} problem(s); nothing was written.`);
  process.exit(1);
}
const outDir = join(DATA_DIR, 'generated');
mkdirSync(outDir, { recursive: true });
const kb: CompiledKb = { version: 1, entries: addBacklinks(entries) };
writeFileSync(join(outDir, 'kb.json'), JSON.stringify(kb));
const terms = buildTermData(entries, loaded.rules.cueSets, loaded.rules.weakCues);
writeFileSync(join(outDir, 'terms.json'), JSON.stringify(packTermData(terms)));
console.log(`KB: ${entries.length} entries, ${terms.forms.length} detectable forms → data/generated/`);
