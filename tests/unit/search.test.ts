import { describe, expect, it } from 'vitest';
import type { Entry, TermSpec } from '../../lib/kb/types';
import { POPULAR_ENTRY_IDS } from '../../lib/search/popular';
import { createSearchIndex, MAX_QUERY_LENGTH, type SearchHit } from '../../lib/search/search';
import { loadKb } from '../../scripts/kb-source';

/** How the one ranking behaves for the popup, the side panel and `cli search`. */
const index = createSearchIndex(loadKb().entries);

function fixtureEntry(id: string, name: string, terms: readonly (string | TermSpec)[] = [], keywords: readonly string[] = []): Entry {
  return {
    id,
    name,
    category: 'condition',
    tags: [],
    regions: [],
    terms: [{ text: name }, ...terms.map((term) => (typeof term === 'string' ? { text: term } : term))],
    keywords,
    summary: `${name}, explained in a sentence.`,
    sections: [],
    related: [],
    codes: {},
    references: [],
    reviewed: '2026-01-01',
  };
}

const ids = (hits: readonly SearchHit[]): string[] => hits.map((hit) => hit.entry.id);

/** The characters each range of a hit marks, as the UI cuts them out of `matchedText`. */
const marked = (hit: SearchHit): string[] => (hit.ranges ?? []).map(([from, to]) => hit.matchedText!.slice(from, to + 1));

describe('ranking', () => {
  it('puts an exact name or term before fuzzy hits', () => {
    const hits = index.search('sciatica', 8);
    expect(hits[0]).toMatchObject({ entry: { id: 'sciatica' }, how: 'exact' });
    expect(hits.slice(1).every((hit) => hit.how !== 'exact' && hit.score > hits[0]!.score)).toBe(true);
  });

  it('puts an exact term before a typo of another entry', () => {
    const fixture = createSearchIndex([fixtureEntry('tendon', 'Tendon'), fixtureEntry('tenderness', 'Tenderness', ['tendn'])]);
    expect(ids(fixture.search('tendn'))[0]).toBe('tenderness');
    expect(fixture.search('tendn')[0]!.how).toBe('exact');
  });

  it('puts an abbreviation typed in its own case first', () => {
    expect(index.search('CTS', 8)[0]).toMatchObject({ entry: { id: 'carpal-tunnel-syndrome' }, how: 'exact', score: 0 });
    expect(index.search('ROM', 8)[0]!.entry.id).toBe('range-of-motion');
  });

  it('lets an exact-case abbreviation beat the same letters folded, and the other way round', () => {
    const fixture = createSearchIndex([
      fixtureEntry('cts-word', 'Cts protein', ['cts']),
      fixtureEntry('carpal-tunnel-syndrome', 'Carpal tunnel syndrome', [{ text: 'CTS', caseSensitive: true }]),
    ]);
    expect(ids(fixture.search('CTS'))).toEqual(['carpal-tunnel-syndrome', 'cts-word']);
    expect(ids(fixture.search('cts'))).toEqual(['cts-word', 'carpal-tunnel-syndrome']);
  });

  it('completes while typing: every keystroke from "carp" shows carpal tunnel syndrome first', () => {
    const typed = 'carpal tunnel syndrome';
    for (let length = 4; length <= typed.length; length++) {
      expect(index.search(typed.slice(0, length), 8)[0]?.entry.id, typed.slice(0, length)).toBe('carpal-tunnel-syndrome');
    }
    expect(index.search('carp', 8)[0]!.how).toBe('prefix');
  });

  it('finds lay phrases through their words, in any order', () => {
    expect(ids(index.search('hands tingling', 3))).toContain('carpal-tunnel-syndrome');
    expect(index.search('tingling in hands', 8)[0]!.how).toBe('words');
  });

  it('prefers commonly looked-up entries between otherwise equal hits', () => {
    const hits = index.search('numb fingers', 8);
    expect(hits[0]!.entry.id).toBe('carpal-tunnel-syndrome');
  });

  it('returns each entry once, at most `limit` hits, scores never falling', () => {
    for (const query of ['knee', 'pain', 'c', 'shoulder pain at night', 'frozen sholder']) {
      const hits = index.search(query, 5);
      expect(hits.length).toBeLessThanOrEqual(5);
      expect(new Set(ids(hits)).size).toBe(hits.length);
      expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => a - b));
    }
    expect(index.search('knee', 0)).toEqual([]);
  });
});

describe('marked characters', () => {
  it('marks the whole form of an exact hit', () => {
    const [hit] = index.search('CTS', 1);
    expect(hit).toMatchObject({ matchedText: 'CTS', ranges: [[0, 2]] });
  });

  it('marks what was typed of a prefix, apostrophes and all', () => {
    const [hit] = index.search('runners kn', 1);
    expect(hit!.matchedText).toBe("runner's knee");
    expect(marked(hit!)).toEqual(["runner's kn"]);
  });

  it('marks each matched word of a word hit, typos included', () => {
    const [hit] = index.search('frozen sholder', 1);
    expect(hit!.matchedText).toBe('Frozen shoulder');
    expect(marked(hit!)).toEqual(['Frozen', 'shoulder']);
  });

  it('marks only the typed start of a word still being typed', () => {
    const [hit] = index.search('tennis el', 1);
    expect(hit!.matchedText).toBe('Tennis elbow');
    expect(marked(hit!)).toEqual(['Tennis el']);
    const [wordHit] = index.search('elbow tenn', 1);
    expect(marked(wordHit!)).toEqual(['Tenn', 'elbow']);
  });

  it('keeps every range inside the matched text, in order', () => {
    for (const query of ['carple tunel', 'plantar fascitis', 'pins and needles', 'pain down my leg', 'carpaltunnel', 'orthopaedic']) {
      for (const hit of index.search(query, 8)) {
        if (!hit.ranges) continue;
        expect(hit.matchedText, query).toBeDefined();
        let last = -1;
        for (const [from, to] of hit.ranges) {
          expect(from, query).toBeGreaterThan(last);
          expect(to, query).toBeGreaterThanOrEqual(from);
          expect(to, query).toBeLessThan(hit.matchedText!.length);
          last = to;
        }
      }
    }
  });
});

describe('empty and failed searches', () => {
  it('returns nothing for an empty or blank query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   \t ')).toEqual([]);
  });

  it('offers popular entries for the empty state, in a fixed order, each existing once', () => {
    const popular = index.popular(8);
    expect(popular).toHaveLength(8);
    expect(popular.map((entry) => entry.id)).toEqual(POPULAR_ENTRY_IDS.filter((id) => index.byId(id)).slice(0, 8));
    expect(new Set(popular).size).toBe(popular.length);
    expect(index.popular(0)).toEqual([]);
  });

  it('skips popular ids that are not in the knowledge base', () => {
    const fixture = createSearchIndex([fixtureEntry('sciatica', 'Sciatica'), fixtureEntry('rare', 'Rare thing')]);
    expect(fixture.popular(10).map((entry) => entry.id)).toEqual(['sciatica']);
  });

  it('suggests the nearest names when the search finds nothing', () => {
    expect(index.search('caprl tnnul', 8)).toEqual([]);
    const suggestions = index.closest('caprl tnnul', 3);
    expect(suggestions[0]).toMatchObject({ entry: { id: 'carpal-tunnel-syndrome' }, matchedText: 'carpal tunnel' });
  });

  it('suggests nothing for nonsense far from every name', () => {
    expect(index.search('qqqqzzzz', 8)).toEqual([]);
    expect(index.closest('qqqqzzzz', 3)).toEqual([]);
    expect(index.closest('', 3)).toEqual([]);
  });
});

describe('hostile queries', () => {
  it('answers a 10,000-character query quickly, reading only the first characters', () => {
    const long = `sciatica ${'x'.repeat(10_000)}`;
    const started = performance.now();
    expect(() => index.search(long, 8)).not.toThrow();
    expect(() => index.closest(long, 3)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(500);
    expect(MAX_QUERY_LENGTH).toBeLessThan(10_000);
  });

  it('treats markup and control characters as harmless text', () => {
    const queries = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', 'sci\u0000at\u0007ica', '\u202e\u200bknee\ufeff', '((( [[ {{ \\ ^$ .* ', '\ud800 lone surrogate'];
    for (const query of queries) {
      expect(() => index.search(query, 8), query).not.toThrow();
      expect(() => index.closest(query, 3), query).not.toThrow();
    }
    expect(index.search('<b>sciatica</b>', 1)[0]!.entry.id).toBe('sciatica');
    expect(index.search('sci\u0000at\u0007ica', 1)[0]!.entry.id).toBe('sciatica');
  });
});
