import { describe, expect, it } from 'vitest';
import { buildTermData } from '../../lib/kb/term-data';
import { packTermData, unpackTermData } from '../../lib/matcher/pack';
import { loadKb } from '../../scripts/kb-source';

describe('the packed term data of the content script', () => {
  it('unpacks to exactly the term data built from the KB', () => {
    const kb = loadKb();
    const data = buildTermData(kb.entries, kb.rules.cueSets, kb.rules.weakCues);
    expect(unpackTermData(JSON.parse(JSON.stringify(packTermData(data))))).toEqual(data);
  });
});
