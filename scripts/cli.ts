/**
 * PhysioLens from the command line, with the extension's own engine and default settings:
 *   npm run cli -- scan [--json] [--all] FILE...
 *   npm run cli -- search [--json] QUERY
 *   npm run cli -- export
 *   npm run cli -- validate
 *   npm run cli -- stats [--json]
 */
import { addBacklinks } from '../lib/kb/backlinks';
import { buildTermData } from '../lib/kb/term-data';
import { compileMatcher } from '../lib/matcher/compile';
import { createSearchIndex } from '../lib/search/search';
import { formatProblem, loadKb, type LoadedKb } from './kb-source';
import { computeKbStats, formatKbStats } from './kb-stats';
import { scanFile } from './scan-file';

const HELP = `PhysioLens CLI — the extension's engine on files and queries.

Usage:
  npm run cli -- scan [--json] [--all] FILE...   what would be highlighted in .txt and .html files
  npm run cli -- search [--json] QUERY           ranked knowledge-base results for a query
  npm run cli -- export                          the compiled knowledge base as JSON
  npm run cli -- validate                        check the knowledge base and list its problems
  npm run cli -- stats [--json]                  counts by category and region, surface forms,
                                                 readability, references, missing optional sections
  npm run cli -- --help                          this text

scan:
  Prints the terms the content script would paint, with its default settings: the first
  occurrence of each entry (--all: every occurrence).
  --json prints [{"file", "matches": [{"id", "name", "text", "start", "end"}]}]. start and end
  are offsets (UTF-16 code units, as in JavaScript strings) into the file's text:
    .txt   the file's characters; blank lines separate blocks (no term spans a blank line).
    .html  the page text as the scanner extracts it: the text of each block (paragraph, list
           item, heading, cell...; a <br> also ends a block), inline elements joined without
           adding anything (but a U+FFFC where an image, a footnote mark or two links side by
           side separate words), skipped zones left out (script, style, code, pre, textarea,
           form fields, contenteditable, aria-hidden, hidden), blocks joined by one blank line
           ("\\n\\n").
  text always equals that slice of the text.

search:
  --json prints [{"query", "results": [{"id", "name", "category", "terms"}]}], best first;
  terms lists every surface form of the entry as text.
`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function loadValidKb(): LoadedKb {
  const kb = loadKb();
  if (kb.problems.length > 0) {
    for (const problem of kb.problems) console.error(formatProblem(problem));
    fail(`The knowledge base has ${kb.problems.length} problem(s).`);
  }
  return kb;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((arg) => arg.startsWith('--')));
  const args = rest.filter((arg) => !arg.startsWith('--'));
  if (!command || command === '--help' || command === '-h' || command === 'help' || flags.has('--help')) {
    console.log(HELP);
    return;
  }
  const known: Record<string, string[]> = { scan: ['--json', '--all'], search: ['--json'], export: [], validate: [], stats: ['--json'] };
  if (!(command in known)) fail(`Unknown command "${command}".\n\n${HELP}`);
  for (const flag of flags) if (!known[command]!.includes(flag)) fail(`Unknown option ${flag} for ${command}.`);

  switch (command) {
    case 'scan': {
      if (args.length === 0) fail('scan needs at least one file.');
      const kb = loadValidKb();
      const matcher = compileMatcher(buildTermData(kb.entries, kb.rules.cueSets, kb.rules.weakCues));
      const scans = [];
      for (const file of args) {
        try {
          scans.push(await scanFile(file, matcher, flags.has('--all')));
        } catch (error) {
          fail(`Cannot read ${file}: ${(error as Error).message}`);
        }
      }
      if (flags.has('--json')) {
        console.log(JSON.stringify(scans.map(({ file, matches }) => ({ file, matches })), null, 2));
      } else {
        for (const scan of scans) {
          console.log(`${scan.file}: ${scan.matches.length} term(s)`);
          for (const match of scan.matches) console.log(`  ${String(match.start).padStart(7)}  ${match.text}  →  ${match.name} (${match.id})`);
        }
      }
      return;
    }
    case 'search': {
      const query = args.join(' ');
      if (!query.trim()) fail('search needs a query.');
      const hits = createSearchIndex(loadValidKb().entries).search(query, 10);
      if (flags.has('--json')) {
        const results = hits.map(({ entry }) => ({ id: entry.id, name: entry.name, category: entry.category, terms: entry.terms.map((term) => term.text) }));
        console.log(JSON.stringify([{ query, results }], null, 2));
      } else if (hits.length === 0) {
        console.log(`No entries match "${query}".`);
      } else {
        hits.forEach((hit, rank) => console.log(`${String(rank + 1).padStart(2)}. ${hit.entry.name} (${hit.entry.id}, ${hit.entry.category}) — ${hit.how}`));
      }
      return;
    }
    case 'export': {
      console.log(JSON.stringify(addBacklinks(loadValidKb().entries), null, 2));
      return;
    }
    case 'stats': {
      const stats = computeKbStats(loadValidKb().entries);
      console.log(flags.has('--json') ? JSON.stringify(stats, null, 2) : formatKbStats(stats));
      return;
    }
    case 'validate': {
      const { entries, problems } = loadKb();
      for (const problem of problems) console.log(formatProblem(problem));
      console.log(problems.length === 0 ? `${entries.length} entries, no problems.` : `${problems.length} problem(s).`);
      process.exit(problems.length === 0 ? 0 : 1);
    }
  }
}

// `cli scan … | head`: the reader has gone, which is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
await main(process.argv.slice(2));
