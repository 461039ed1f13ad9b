import { describe, expect, it } from 'vitest';
import { parseEntrySource, type KbRules } from '../../lib/kb/parse';
import { validateKb } from '../../lib/kb/validate';
import type { Entry } from '../../lib/kb/types';

/** Each kind of broken entry fails with the file, the field and the reason. */
const rules: KbRules = { cueSets: { hand: ['hand', 'wrist'] }, everydayWords: new Set(['brace', 'cast']) };

const VALID = `---
id: sample-condition
name: Sample condition
category: condition
regions: [knee]
terms:
  - sample knee problem
related: []
references:
  - { label: "MedlinePlus: Knee injuries", url: "https://medlineplus.gov/kneeinjuriesanddisorders.html", kind: patient }
  - { label: "Physiopedia: Knee", url: "https://www.physio-pedia.com/Knee", kind: professional }
reviewed: 2026-11-29
---
A short summary that reads well.

## What it is
It is a sample.

## How it feels
It aches.

## How physical therapy helps
Exercise helps.

## When to get help
- **Routine:** See a PT if it lasts.
- **Urgent:** Same day if it swells a lot.
- **Emergency:** Call for help if the leg turns cold and pale.
`;

const parse = (source: string, file = 'data/entries/sample-condition.md') => parseEntrySource(file, source, rules);
const fields = (source: string) => parse(source).problems.map((problem) => `${problem.field}: ${problem.message}`);

describe('a valid entry', () => {
  it('parses without problems', () => {
    const { entry, problems } = parse(VALID);
    expect(problems).toEqual([]);
    expect(entry?.terms.map((term) => term.text)).toEqual(['Sample condition', 'sample knee problem']);
    expect(entry?.sections.map((section) => section.title)).toEqual(['What it is', 'How it feels', 'How physical therapy helps', 'When to get help']);
  });
});

describe('invalid entries', () => {
  it.each([
    ['a missing field', VALID.replace('name: Sample condition\n', ''), /^name: is required/],
    ['an unknown category', VALID.replace('category: condition', 'category: disease'), /^category: "disease" is not one of/],
    ['an id that differs from the file name', VALID.replace('id: sample-condition', 'id: other-name'), /^id: "other-name" must equal the file name/],
    ['broken front matter', VALID.replace('regions: [knee]', 'regions: [knee'), /^front matter: not valid YAML/],
    ['no front matter', 'Just text', /^front matter: the file must start with "---"/],
    ['a URL outside the allowed sources', VALID.replace('https://medlineplus.gov/kneeinjuriesanddisorders.html', 'https://example.com/knee'), /^references\[0\]\.url: "https:\/\/example\.com\/knee" does not match an allowed source/],
    ['a patient site given as professional', VALID.replace('kind: patient', 'kind: professional'), /^references\[0\]\.kind: MedlinePlus pages are patient references/],
    ['a term listed twice', VALID.replace('  - sample knee problem', '  - sample knee problem\n  - Sample-knee problem'), /^terms: "Sample-knee problem" is listed twice/],
    ['an abbreviation without exact case', VALID.replace('  - sample knee problem', '  - { text: SKP, context: [knee] }'), /"SKP"\.caseSensitive: an abbreviation must match in exact case/],
    ['a short abbreviation without context', VALID.replace('  - sample knee problem', '  - { text: SKP, caseSensitive: true }'), /"SKP"\.context: an abbreviation of 4 letters or fewer needs a context rule/],
    ['an everyday word without a rule', VALID.replace('  - sample knee problem', '  - brace'), /"brace"\.context: "brace" is an everyday word/],
    ['a missing required section', VALID.replace('## How it feels\nIt aches.\n', ''), /^section "How it feels": is required for a condition/],
    ['an unknown section', VALID.replace('## How it feels', '## Feelings'), /^section "Feelings": unknown section/],
    ['a "When to get help" without an emergency line', VALID.replace(/- \*\*Emergency:\*\*.*\n/, ''), /needs a list item starting \*\*Emergency:\*\*/],
    ['raw HTML in a section', VALID.replace('It is a sample.', 'It is <b>a</b> sample.'), /is not allowed \(no HTML/],
    ['a summary over 35 words', VALID.replace('A short summary that reads well.', 'word '.repeat(36).trim() + '.'), /^summary: has 36 words/],
    ['an ICD-10-CM code in the wrong shape', VALID.replace('related: []', 'related: []\ncodes: { icd10cm: [knee] }'), /^codes\.icd10cm: "knee" is not an ICD-10-CM code/],
  ])('%s', (_name, source, expected) => {
    const problems = parse(source).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.file).toBe('data/entries/sample-condition.md');
    expect(fields(source).some((line) => expected.test(line)), fields(source).join('\n')).toBe(true);
  });

  it('reports an unknown related id and a link to an unknown entry', () => {
    const entry = parse(VALID.replace('related: []', 'related: [no-such-entry]').replace('It is a sample.', 'See [this](entry:missing-entry).')).entry as Entry;
    const problems = validateKb([entry], () => 'data/entries/sample-condition.md');
    expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'related: "no-such-entry" is not an entry id',
      'section "What it is": link to unknown entry "missing-entry"',
    ]);
  });

  it('reports a form shared by two entries, and accepts it when both mark it ambiguous with context', () => {
    const a = parse(VALID).entry as Entry;
    const b = parse(VALID.replace('id: sample-condition', 'id: other').replace('name: Sample condition', 'name: Other'), 'data/entries/other.md').entry as Entry;
    expect(validateKb([a, b], (id) => `data/entries/${id}.md`).map((problem) => problem.field)).toEqual(['terms "sample knee problem"']);
    const ambiguous = (source: string) => source.replace('  - sample knee problem', '  - { text: sample knee problem, ambiguous: true, context: [knee] }');
    const a2 = parse(ambiguous(VALID)).entry as Entry;
    const b2 = parse(ambiguous(VALID.replace('id: sample-condition', 'id: other').replace('name: Sample condition', 'name: Other')), 'data/entries/other.md').entry as Entry;
    expect(validateKb([a2, b2], (id) => `data/entries/${id}.md`)).toEqual([]);
  });
});
