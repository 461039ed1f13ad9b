import { describe, expect, it } from 'vitest';
import { MAP_REGIONS } from '../../components/BodyMap';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { CONDITION_LIKE, REGIONS } from '../../lib/kb/vocabulary';

/** The body map is only as good as the regions in the knowledge base. */
describe('body regions in the knowledge base', () => {
  const entries = BUNDLED_KB.entries;

  it('every condition has at least one region', () => {
    const without = entries.filter((entry) => entry.category === 'condition' && entry.regions.length === 0).map((entry) => entry.id);
    expect(without).toEqual([]);
  });

  it('every condition or procedure names only known regions, each once', () => {
    for (const entry of entries.filter((candidate) => CONDITION_LIKE.includes(candidate.category))) {
      expect(entry.regions.every((region) => (REGIONS as readonly string[]).includes(region)), entry.id).toBe(true);
      expect(new Set(entry.regions).size, entry.id).toBe(entry.regions.length);
    }
  });

  it('the map has every region but whole-body', () => {
    expect([...MAP_REGIONS, 'whole-body'].sort()).toEqual([...REGIONS].sort());
  });

  it.each(MAP_REGIONS)('%s has entries, conditions among them', (region) => {
    const inRegion = entries.filter((entry) => entry.regions.includes(region));
    expect(inRegion.length).toBeGreaterThan(0);
    expect(inRegion.some((entry) => entry.category === 'condition')).toBe(true);
  });

  it('whole-body has entries to list under the map', () => {
    expect(entries.some((entry) => entry.regions.includes('whole-body'))).toBe(true);
  });
});
