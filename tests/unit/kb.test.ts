import { describe, expect, it } from 'vitest';
import { lintEntryLanguage } from '../../lib/kb/language';
import { normalizeForm } from '../../lib/matcher/fold';
import { CATEGORIES, REGIONS } from '../../lib/kb/vocabulary';
import { formatProblem, loadKb } from '../../scripts/kb-source';

/** The knowledge base is data, and tested like code. */
const kb = loadKb();

describe('the knowledge base', () => {
  it('has no validation problems (schema, ids, related ids, links, terms, references)', () => {
    expect(kb.problems.map(formatProblem)).toEqual([]);
  });

  it('has at least 30 entries across conditions, treatments, anatomy and symptoms', () => {
    expect(kb.entries.length).toBeGreaterThanOrEqual(30);
    for (const category of ['condition', 'treatment', 'anatomy', 'symptom'] as const) {
      expect(kb.entries.filter((entry) => entry.category === category).length, category).toBeGreaterThan(0);
    }
  });

  it('uses unique ids equal to the file names', () => {
    const ids = kb.entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of kb.entries) expect(kb.fileOf(entry.id)).toMatch(new RegExp(`${entry.id}\\.md$`));
  });

  it('links only to entries that exist', () => {
    const ids = new Set(kb.entries.map((entry) => entry.id));
    for (const entry of kb.entries) for (const related of entry.related) expect(ids, `${entry.id} → ${related}`).toContain(related);
  });

  it('gives each surface form to one entry, unless every owner marks it ambiguous with a context rule', () => {
    const owners = new Map<string, { id: string; ambiguous: boolean }[]>();
    for (const entry of kb.entries) {
      for (const term of entry.terms) {
        const key = normalizeForm(term.text);
        owners.set(key, [...(owners.get(key) ?? []), { id: entry.id, ambiguous: Boolean(term.ambiguous && term.context) }]);
      }
    }
    const shared = [...owners].filter(([, list]) => new Set(list.map((owner) => owner.id)).size > 1 && !list.every((owner) => owner.ambiguous));
    expect(shared.map(([key, list]) => `${key}: ${list.map((owner) => owner.id).join(', ')}`)).toEqual([]);
  });

  it('uses only the categories and regions of lib/kb', () => {
    for (const entry of kb.entries) {
      expect(CATEGORIES).toContain(entry.category);
      for (const region of entry.regions) expect(REGIONS).toContain(region);
    }
  });

  it('reads plainly: summaries at grade 6 or below and patient sections at grade 8 or below', () => {
    const problems = kb.entries.flatMap((entry) => lintEntryLanguage(entry, kb.fileOf(entry.id)));
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
