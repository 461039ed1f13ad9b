import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBacklinks } from '../../lib/kb/backlinks';
import { findNearDuplicates } from '../../lib/kb/near-duplicates';
import { computeKbStats } from '../../scripts/kb-stats';
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

describe('the knowledge base as a reference', () => {
  const stats = computeKbStats(kb.entries);

  it.each(stats.targets.map((target) => [target.name, target] as const))('meets its target for %s', (_name, target) => {
    expect(target.value).toBeGreaterThanOrEqual(target.target);
  });

  it('has conditions in every body region of the map', () => {
    for (const [region, count] of Object.entries(stats.conditionsByRegion)) expect(count, region).toBeGreaterThan(0);
  });

  it('has conditions on nerve, neurological, sports, post-surgical, pediatric and pelvic-health topics', () => {
    const topics = new Set(kb.entries.filter((entry) => entry.category === 'condition' || entry.category === 'procedure').flatMap((entry) => entry.tags));
    for (const topic of ['nerve', 'neurological', 'sports', 'post-surgical', 'pediatric', 'pelvic-health']) expect(topics).toContain(topic);
  });

  it('has no sentence that another entry shares or nearly shares', () => {
    const pairs = findNearDuplicates(kb.entries).map((pair) => `${pair.a.entry} ≈ ${pair.b.entry} (${pair.similarity}): "${pair.b.sentence}"`);
    expect(pairs).toEqual([]);
  });

  it('links both ways once built: an entry lists, or is listed back by, every entry that relates to it', () => {
    const built = new Map(addBacklinks(kb.entries).map((entry) => [entry.id, entry]));
    for (const entry of built.values()) {
      for (const target of entry.related) {
        const other = built.get(target)!;
        expect([...other.related, ...(other.linkedFrom ?? [])], `${target} → ${entry.id}`).toContain(entry.id);
      }
    }
  });

  it('credits the CDC for the ICD-10-CM codes it shows, in NOTICE', () => {
    expect(kb.entries.some((entry) => entry.codes.icd10cm)).toBe(true);
    const notice = readFileSync(join(import.meta.dirname, '../../NOTICE'), 'utf8');
    expect(notice).toMatch(/ICD-10-CM/);
    expect(notice).toMatch(/National Center for Health\s+Statistics/);
  });
});
