/**
 * `web-ext lint` on the Firefox build, as part of `npm test`: no errors, and no warnings caused by
 * the project's own code. Warnings that come from a dependency are listed here, each with why,
 * and in the README; anything else fails.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface LintMessage {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

const SOURCE = resolve(import.meta.dirname, '../.output/firefox-mv3');

/** Known warnings from dependencies: the code, and a test on the flagged source that proves whose it is. */
const DEPENDENCY_WARNINGS: readonly { code: string; why: string; isTheirs: (snippet: string) => boolean }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Preact's renderer supports dangerouslySetInnerHTML; PhysioLens never uses it (a lint rule and a test forbid it).",
    isTheirs: (snippet) => snippet.includes('dangerouslySetInnerHTML') && snippet.includes('.innerHTML=') && snippet.includes('__html'),
  },
];

function snippetAt(message: LintMessage): string {
  if (!message.file) return '';
  const lines = readFileSync(join(SOURCE, message.file), 'utf8').split('\n');
  const line = lines[(message.line ?? 1) - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 400), column + 400);
}

let output: string;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', SOURCE, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
const ours = report.warnings.filter((warning) => {
  const known = DEPENDENCY_WARNINGS.find((entry) => entry.code === warning.code);
  return !(known && known.isTheirs(snippetAt(warning)));
});
const fromDependencies = report.warnings.length - ours.length;
for (const message of [...report.errors, ...ours]) {
  console.error(`${message.code}: ${message.message} (${message.file ?? 'manifest'}${message.line ? `:${message.line}` : ''})`);
}
console.log(`web-ext lint: ${report.errors.length} error(s), ${ours.length} warning(s) from PhysioLens, ${fromDependencies} from dependencies (see the README), ${report.notices.length} notice(s).`);
process.exit(report.errors.length + ours.length === 0 ? 0 : 1);
