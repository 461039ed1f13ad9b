import { findAllowedSource } from '../lib/kb/references';
import { measureEntry, SECTION_MAX_GRADE, SUMMARY_MAX_GRADE } from '../lib/kb/language';
import { countWords } from '../lib/kb/readability';
import type { Entry } from '../lib/kb/types';
import { CATEGORIES, REGIONS, SECTION_TITLES, TAGS, type Category } from '../lib/kb/vocabulary';
import { normalizeForm } from '../lib/matcher/fold';

/** The figures `npm run cli -- stats` prints, and the targets the KB issue set. */
export const KB_TARGETS = {
  entries: 250,
  conditions: 110,
  treatments: 45,
  anatomy: 30,
  symptomsAndConcepts: 25,
  assessments: 20,
  distinctForms: 1200,
} as const;

const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!;
};

const tally = <K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, values.filter((value) => value === key).length])) as Record<K, number>;

export function computeKbStats(entries: readonly Entry[]) {
  const byCategory = tally(CATEGORIES, entries.map((entry) => entry.category));
  const conditions = entries.filter((entry) => entry.category === 'condition');
  const forms = entries.flatMap((entry) => entry.terms);
  const grades = entries.map((entry) => ({ id: entry.id, ...measureEntry(entry) }));
  const sectionMax = grades.map((grade) => Math.max(0, ...Object.values(grade.sections)));
  const summaryGrades = grades.map((grade) => grade.summary);
  const optional = SECTION_TITLES.filter((title) => title !== 'What it is');
  const missing = Object.fromEntries(
    optional.map((title) => [title, entries.filter((entry) => !entry.sections.some((section) => section.title === title)).map((entry) => entry.id)]),
  );
  const references = entries.flatMap((entry) => entry.references);
  const sites: Record<string, number> = {};
  for (const reference of references) {
    const site = findAllowedSource(reference.url)?.site ?? 'other';
    sites[site] = (sites[site] ?? 0) + 1;
  }
  const figures = {
    entries: entries.length,
    byCategory,
    conditionsByRegion: tally(REGIONS, conditions.flatMap((entry) => entry.regions)),
    entriesByRegion: tally(REGIONS, entries.flatMap((entry) => entry.regions)),
    conditionsByTag: tally(TAGS, conditions.flatMap((entry) => entry.tags)),
    forms: {
      total: forms.length,
      distinct: new Set(forms.map((form) => normalizeForm(form.text))).size,
      detected: forms.filter((form) => form.match !== 'never').length,
      exactCase: forms.filter((form) => form.caseSensitive).length,
      withContext: forms.filter((form) => form.context).length,
      blocked: forms.filter((form) => form.blockedBefore || form.blockedAfter).length,
      searchOnly: forms.filter((form) => form.match === 'never').length,
    },
    readability: {
      summaryGrade: { median: quantile(summaryGrades, 0.5), p90: quantile(summaryGrades, 0.9), max: Math.max(...summaryGrades), limit: SUMMARY_MAX_GRADE },
      hardestSectionGrade: { median: quantile(sectionMax, 0.5), p90: quantile(sectionMax, 0.9), max: Math.max(...sectionMax), limit: SECTION_MAX_GRADE },
      summaryWords: { median: quantile(entries.map((entry) => countWords(entry.summary)), 0.5), max: Math.max(...entries.map((entry) => countWords(entry.summary))) },
      summaryGradeHistogram: histogram(summaryGrades),
      hardestEntries: [...grades].sort((a, b) => Math.max(0, ...Object.values(b.sections)) - Math.max(0, ...Object.values(a.sections))).slice(0, 5).map((grade) => grade.id),
    },
    references: {
      patient: references.filter((reference) => reference.kind === 'patient').length,
      professional: references.filter((reference) => reference.kind === 'professional').length,
      bySite: sites,
    },
    withIcd10cm: entries.filter((entry) => (entry.codes.icd10cm?.length ?? 0) > 0).length,
    missingOptionalSections: missing,
  };
  const count = (category: Category) => byCategory[category];
  const targets = [
    { name: 'entries', value: figures.entries, target: KB_TARGETS.entries },
    { name: 'conditions', value: count('condition'), target: KB_TARGETS.conditions },
    { name: 'treatments and techniques', value: count('treatment'), target: KB_TARGETS.treatments },
    { name: 'anatomy', value: count('anatomy'), target: KB_TARGETS.anatomy },
    { name: 'symptoms and concepts', value: count('symptom') + count('concept'), target: KB_TARGETS.symptomsAndConcepts },
    { name: 'assessments and tests', value: count('assessment'), target: KB_TARGETS.assessments },
    { name: 'distinct surface forms', value: figures.forms.distinct, target: KB_TARGETS.distinctForms },
  ].map((row) => ({ ...row, met: row.value >= row.target }));
  return { ...figures, targets };
}

function histogram(values: readonly number[]): Record<string, number> {
  const buckets: Record<string, number> = {};
  for (const value of values) {
    const bucket = value < 2 ? '<2' : value >= 8 ? '8+' : `${Math.floor(value)}–${Math.floor(value) + 1}`;
    buckets[bucket] = (buckets[bucket] ?? 0) + 1;
  }
  return buckets;
}

export function formatKbStats(stats: ReturnType<typeof computeKbStats>): string {
  const lines: string[] = [];
  const row = (label: string, value: string | number) => lines.push(`  ${label.padEnd(34)} ${value}`);
  lines.push(`Knowledge base: ${stats.entries} entries`, '', 'Targets');
  for (const target of stats.targets) row(`${target.met ? '✓' : '✗'} ${target.name}`, `${target.value} (at least ${target.target})`);
  lines.push('', 'By category');
  for (const [category, count] of Object.entries(stats.byCategory)) row(category, count);
  lines.push('', 'Conditions by body region (all entries in brackets)');
  for (const [region, count] of Object.entries(stats.conditionsByRegion)) row(region, `${count} (${stats.entriesByRegion[region as keyof typeof stats.entriesByRegion]})`);
  lines.push('', 'Conditions by topic');
  for (const [tag, count] of Object.entries(stats.conditionsByTag)) if (count > 0) row(tag, count);
  lines.push('', 'Surface forms');
  for (const [name, count] of Object.entries(stats.forms)) row(name, count);
  const { summaryGrade, hardestSectionGrade, summaryWords } = stats.readability;
  lines.push('', 'Readability (Flesch–Kincaid grade, own terms masked)');
  row('summary grade median / p90 / max', `${summaryGrade.median} / ${summaryGrade.p90} / ${summaryGrade.max} (limit ${summaryGrade.limit})`);
  row('hardest section median / p90 / max', `${hardestSectionGrade.median} / ${hardestSectionGrade.p90} / ${hardestSectionGrade.max} (limit ${hardestSectionGrade.limit})`);
  row('summary words median / max', `${summaryWords.median} / ${summaryWords.max} (limit 35)`);
  row('summary grades', Object.entries(stats.readability.summaryGradeHistogram).sort().map(([bucket, count]) => `${bucket}: ${count}`).join(', '));
  row('hardest entries', stats.readability.hardestEntries.join(', '));
  lines.push('', 'References');
  row('patient / professional', `${stats.references.patient} / ${stats.references.professional}`);
  for (const [site, count] of Object.entries(stats.references.bySite).sort((a, b) => b[1] - a[1])) row(site, count);
  row('entries with ICD-10-CM codes', stats.withIcd10cm);
  lines.push('', 'Entries missing optional sections');
  for (const [title, ids] of Object.entries(stats.missingOptionalSections)) {
    row(title, ids.length === 0 ? 0 : `${ids.length} (e.g. ${ids.slice(0, 4).join(', ')})`);
  }
  return lines.join('\n');
}
