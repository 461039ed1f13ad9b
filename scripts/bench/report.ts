/**
 * The benchmark's output: one table of every figure beside the reference it is compared with
 * (measured in the same run), then the budgets. Absolute times are reported, not judged: only
 * ratios and sizes have budgets, since a shared 2-core machine makes absolute times noisy.
 */
export interface Row {
  readonly what: string;
  readonly result: string;
  /** The reference this figure is compared with, with its own absolute figure. */
  readonly reference?: string;
  readonly ratio?: string;
  /** How it was measured, when a reader needs to know (extrapolated, skipped, …). */
  readonly note?: string;
}

export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
}

export type BudgetStatus = 'pass' | 'fail' | 'not measured' | 'info';

export interface Budget {
  readonly name: string;
  readonly limit: string;
  readonly actual: string;
  readonly status: BudgetStatus;
  readonly note?: string;
}

export interface Measurement<Figures> {
  readonly section: Section;
  readonly figures: Figures;
  readonly budgets: readonly Budget[];
}

export const budget = (name: string, limit: string, actual: string, pass: boolean | undefined, note?: string): Budget => ({
  name,
  limit,
  actual,
  status: pass === undefined ? (limit === 'reported' ? 'info' : 'not measured') : pass ? 'pass' : 'fail',
  ...(note ? { note } : {}),
});

// Number formats used across the table.
export const ms = (value: number): string => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms` : 'n/a');
export const seconds = (valueMs: number): string => `${(valueMs / 1000).toFixed(1)} s`;
/** Milliseconds below a second, seconds above. */
export const duration = (valueMs: number): string => (valueMs < 1000 ? ms(valueMs) : `${(valueMs / 1000).toFixed(2)} s`);
export const times = (value: number): string => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : value.toFixed(0)}×` : 'n/a');
export const mbPerSecond = (value: number): string => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} MB/s`;
export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const count = (value: number): string => value.toLocaleString('en-US');
/** 1 MB = 2^20 characters of (ASCII) text, so bytes and characters agree. */
export const MB = 1024 * 1024;
export const sizeLabel = (characters: number): string => (characters >= MB ? `${Math.round(characters / MB)} MB` : `${Math.round(characters / 1024)} KB`);

const HEADER: Row = { what: 'measurement', result: 'result', reference: 'reference (same run)', ratio: 'ratio' };

export function formatTable(sections: readonly Section[], budgets: readonly Budget[], header: string): string {
  const rows = [HEADER, ...sections.flatMap((section) => section.rows)];
  const width = (pick: (row: Row) => string | undefined): number => Math.max(...rows.map((row) => (pick(row) ?? '').length));
  const widths = [width((row) => row.what), width((row) => row.result), width((row) => row.reference)];
  const line = (row: Row): string =>
    [row.what.padEnd(widths[0]!), row.result.padEnd(widths[1]!), (row.reference ?? '').padEnd(widths[2]!), row.ratio ?? ''].join(' │ ').trimEnd();
  const total = widths.reduce((sum, value) => sum + value + 3, 0) + width((row) => row.ratio);
  const out: string[] = [header, '', line(HEADER), '─'.repeat(total)];
  for (const section of sections) {
    out.push(`▸ ${section.title}`);
    for (const row of section.rows) {
      out.push(line(row));
      if (row.note) out.push(`    ↳ ${row.note}`);
    }
  }
  out.push('', 'Budgets');
  const budgetWidths = [Math.max(6, ...budgets.map((item) => item.name.length)), Math.max(5, ...budgets.map((item) => item.limit.length)), Math.max(6, ...budgets.map((item) => item.actual.length))];
  out.push(['budget'.padEnd(budgetWidths[0]!), 'limit'.padEnd(budgetWidths[1]!), 'actual'.padEnd(budgetWidths[2]!), 'status'].join(' │ '));
  out.push('─'.repeat(budgetWidths.reduce((sum, value) => sum + value + 3, 0) + 12));
  for (const item of budgets) {
    const status = item.status === 'pass' ? 'PASS' : item.status === 'fail' ? 'FAIL' : item.status === 'info' ? 'info' : 'not measured';
    out.push([item.name.padEnd(budgetWidths[0]!), item.limit.padEnd(budgetWidths[1]!), item.actual.padEnd(budgetWidths[2]!), status].join(' │ '));
    if (item.note) out.push(`    ↳ ${item.note}`);
  }
  return out.join('\n');
}
