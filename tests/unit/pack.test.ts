import { describe, expect, it } from 'vitest';
import { buildTermData } from '../../lib/kb/term-data';
import { compileMatcher, compileSteps } from '../../lib/matcher/compile';
import { findTermsInText } from '../../lib/matcher/match';
import { packTermData, unpackTermData } from '../../lib/matcher/pack';
import { loadKb } from '../../scripts/kb-source';

describe('the packed term data of the content script', () => {
  it('unpacks to exactly the term data built from the KB', () => {
    const kb = loadKb();
    const data = buildTermData(kb.entries, kb.rules.cueSets, kb.rules.weakCues);
    expect(unpackTermData(JSON.parse(JSON.stringify(packTermData(data))))).toEqual(data);
  });
});

describe('the compile in steps', () => {
  it('pauses often on the full KB and builds the same matcher as the compile in one go', () => {
    const kb = loadKb();
    const data = buildTermData(kb.entries, kb.rules.cueSets, kb.rules.weakCues);
    const steps = compileSteps(data);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(8);
    const text = 'After a rotator cuff tear and frozen shoulder, her PT suggested TENS for the pain and nerve glides for sciatica.';
    expect(findTermsInText(step.value, text)).toEqual(findTermsInText(compileMatcher(data), text));
    expect(findTermsInText(step.value, text).length).toBeGreaterThanOrEqual(4);
  });
});
