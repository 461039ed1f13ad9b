import { blocksText } from './markdown';
import type { KbProblem } from './parse';
import { measureReadability } from './readability';
import type { Entry } from './types';
import { PATIENT_SECTIONS } from './vocabulary';

/** KB-GUIDE.md: summaries at grade 6 at most, other patient sections at grade 8. */
export const SUMMARY_MAX_GRADE = 6;
export const SECTION_MAX_GRADE = 8;

export interface EntryReadability {
  readonly summary: number;
  readonly sections: Readonly<Record<string, number>>;
}

/** The words masked when measuring: the entry's own name and terms. */
export function ownTerms(entry: Entry): string[] {
  return entry.terms.map((term) => term.text);
}

export function measureEntry(entry: Entry): EntryReadability {
  const masked = ownTerms(entry);
  const sections: Record<string, number> = {};
  for (const section of entry.sections) {
    if (PATIENT_SECTIONS.includes(section.title)) sections[section.title] = measureReadability(blocksText(section.blocks), masked).grade;
  }
  return { summary: measureReadability(entry.summary, masked).grade, sections };
}

export function lintEntryLanguage(entry: Entry, file: string): KbProblem[] {
  const grades = measureEntry(entry);
  const problems: KbProblem[] = [];
  if (grades.summary > SUMMARY_MAX_GRADE) {
    problems.push({ file, field: 'summary', message: `reads at grade ${grades.summary}; at most ${SUMMARY_MAX_GRADE} (shorter sentences, shorter words)` });
  }
  for (const [title, grade] of Object.entries(grades.sections)) {
    if (grade > SECTION_MAX_GRADE) {
      problems.push({ file, field: `section "${title}"`, message: `reads at grade ${grade}; at most ${SECTION_MAX_GRADE}` });
    }
  }
  return problems;
}
