import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/matcher/compile';
import { selectDocumentMatches } from '../../lib/matcher/document';
import { findTermsInText } from '../../lib/matcher/match';
import { FIXTURE, makeTermData } from './term-fixture';

const matcher = compileMatcher(FIXTURE);
const idOf = (entry: number): string => FIXTURE.entries[entry]![0];

/** What a reader would see painted in one block: [matched text, entry id], context rules decided locally. */
function found(text: string): [string, string][] {
  return findTermsInText(matcher, text)
    .filter((match) => !match.needsPageContext)
    .map((match) => [text.slice(match.start, match.end), idOf(match.entry)]);
}

describe('matching words', () => {
  it.each([
    ['a plain term', 'I have sciatica again.', [['sciatica', 'sciatica']]],
    ['any case of a plain term', 'SCIATICA and Sciatica', [['SCIATICA', 'sciatica'], ['Sciatica', 'sciatica']]],
    ['whole words only', 'sciaticas? asciatica sciaticaX', [['sciaticas', 'sciatica']]],
    ['the longest form wins', 'lumbar radiculopathy', [['lumbar radiculopathy', 'radiculopathy']]],
    ['longest across entries: "low back pain" over "back pain"', 'chronic low back pain', [['low back pain', 'low-back-pain']]],
    ['no overlapping matches', 'carpal tunnel syndrome', [['carpal tunnel syndrome', 'carpal-tunnel-syndrome']]],
    ['a shorter form when the longer is incomplete', 'carpal tunnel surgery', [['carpal tunnel', 'carpal-tunnel-syndrome']]],
    ['hyphen for space', 'carpal-tunnel syndrome', [['carpal-tunnel syndrome', 'carpal-tunnel-syndrome']]],
    ['en dash and no-break space for space', 'carpal–tunnel\u00a0syndrome', [['carpal–tunnel\u00a0syndrome', 'carpal-tunnel-syndrome']]],
    ['several spaces and a line break', 'carpal  tunnel\nsyndrome', [['carpal  tunnel\nsyndrome', 'carpal-tunnel-syndrome']]],
    ['accents folded', 'Meniere’s disease and Guillain-Barre syndrome', [['Meniere’s disease', 'menieres-disease'], ['Guillain-Barre syndrome', 'guillain-barre-syndrome']]],
    ['accents kept in the text', 'Ménière’s disease', [['Ménière’s disease', 'menieres-disease']]],
    ['decomposed accents', 'Me\u0301nie\u0300re\u2019s disease', [['Me\u0301nie\u0300re\u2019s disease', 'menieres-disease']]],
    ['straight and curly apostrophes', "Phalen's test, Phalen’s test", [["Phalen's test", 'phalens-test'], ['Phalen’s test', 'phalens-test']]],
    ['a missing apostrophe', 'Tinels sign', [['Tinels sign', 'tinels-sign']]],
    ['plurals derived', 'two nerve glides', [['nerve glides', 'nerve-gliding']]],
    ['possessives derived', "sciatica's cause", [["sciatica's", 'sciatica']]],
    ['"y" plurals derived', 'sports injuries', [['sports injuries', 'injury']]],
    ['a stray accent before a term is not part of it', '\u0301sciatica', [['sciatica', 'sciatica']]],
    ['a boundary next to CJK text', '患者有sciatica的症状', [['sciatica', 'sciatica']]],
    ['Arabic text around an English term', 'يعاني من sciatica منذ', [['sciatica', 'sciatica']]],
    ['coordinated phrases keep the head', 'cervical or lumbar radiculopathy', [['lumbar radiculopathy', 'radiculopathy']]],
    ['"shin splints" is not a "splint"', 'shin splints hurt', [['shin splints', 'shin-splints']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('rules from the data', () => {
  it.each([
    ['an abbreviation in exact case, with a cue', 'My CTS makes my hand numb.', [['CTS', 'carpal-tunnel-syndrome']]],
    ['an abbreviation in the wrong case', 'My cts makes my hand numb.', []],
    ['an abbreviation with a plural', 'Both ACLs in the knee were torn.', [['ACLs', 'acl-tear']]],
    ['an abbreviation in an all-caps line', 'ACL KNEE SURGERY NEWS', []],
    ['an abbreviation in a heading in capitals, then a normal line', 'TENS UNIT SALE\nA TENS unit eases pain.', [['TENS', 'tens']]],
    ['an abbreviation without a cue waits for the page', 'Configure the ACL on the router.', []],
    ['"tens of" is blocked', 'tens of thousands of runners felt pain', []],
    ['TENS with a cue', 'The TENS unit eased the pain.', [['TENS', 'tens']]],
    ['"heat stroke" is blocked', 'heat stroke after weakness', []],
    ['"stroke of luck" is blocked', 'a stroke of luck in rehab', []],
    ['stroke with a cue word', 'After her stroke she had weakness in one arm.', [['stroke', 'stroke']]],
    ['stroke without a cue', 'A single stroke of the pen.', []],
    ['an everyday word with a cue', 'a wrist splint at night', [['splint', 'splint']]],
    ['an everyday word without a cue', 'the team may splint into factions', []],
    ['a cue from a term nearby', 'sciatica and a stroke', [['sciatica', 'sciatica'], ['stroke', 'stroke']]],
    ['two weak cues make one', 'The TENS unit eased the pain.', [['TENS', 'tens']]],
    ['one weak cue is not enough', 'A TENS unit arrived.', []],
    ['"on the other hand" is not a hand cue', 'CTS, on the other hand, ships on Monday.', []],
    ['no cue from an acronym that folds to a cue word', 'Recovery runs on the ARM servers; the ACL was set.', []],
    ['a model number is not an abbreviation', 'The ACL-2 knee rig and the TENS-200 unit for pain.', []],
    ['a course code is not an abbreviation', 'Enrol in CTS 7101 for credit; hand in the wrist essay.', []],
    ['a count after an abbreviation is not a code', 'My CTS and a numb wrist: 2 weeks now.', [['CTS', 'carpal-tunnel-syndrome']]],
    ['no cue from a term that itself needed context', 'The TENS electrode hummed; the ACL was set.', [['TENS', 'tens']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('the page as a whole', () => {
  const blocks = (texts: string[]) => texts.map((text) => ({ block: text, matches: findTermsInText(matcher, text) }));
  const pick = (texts: string[], everyOccurrence = false) =>
    selectDocumentMatches(blocks(texts), { everyOccurrence }).map(({ block, match }) => block.slice(match.start, match.end));

  it('shows the first occurrence of each entry by default, and all on request', () => {
    const page = ['sciatica today', 'sciatica tomorrow'];
    expect(pick(page)).toEqual(['sciatica']);
    expect(pick(page, true)).toEqual(['sciatica', 'sciatica']);
  });

  it('lets context forms count on a page clearly about the body', () => {
    const page = ['Configure the ACL.', 'sciatica', 'carpal tunnel syndrome', 'lumbar radiculopathy'];
    expect(pick(page)).toContain('ACL');
  });

  it('does not count guesses as evidence: context forms alone never make a page about the body', () => {
    const page = ['The TENS unit eased the pain.', 'A stroke of the pen.', 'Configure the ACL.', 'My CTS makes my hand numb.'];
    expect(pick(page)).toEqual(['TENS', 'CTS']);
  });

  it('keeps context forms out of a page that is not about the body', () => {
    expect(pick(['Configure the ACL.', 'Then restart the router.', 'sciatica'])).toEqual(['sciatica']);
  });

  it('paints the first occurrence in the page content, falling back to one in its chrome (menus, footers)', () => {
    const page = ['nav: sciatica', 'nav: shin splints', 'article: sciatica', 'footer: sciatica'];
    const picked = selectDocumentMatches(blocks(page), { everyOccurrence: false }, { inChrome: (block) => !block.startsWith('article') });
    expect(picked.map(({ block }) => block)).toEqual(['nav: shin splints', 'article: sciatica']);
    const every = selectDocumentMatches(blocks(page), { everyOccurrence: true }, { inChrome: (block) => !block.startsWith('article') });
    expect(every).toHaveLength(4);
  });

  it('paints the first rendered occurrence, counts every occurrence, and asks about rendering only what it would paint', () => {
    const page = ['sciatica in a collapsed menu', 'sciatica in the article', 'sciatica again', 'shin splints, hidden too'];
    const hidden = new Set(['sciatica in a collapsed menu', 'shin splints, hidden too']);
    const asked: string[] = [];
    const counts = new Map<number, number>();
    const selected = selectDocumentMatches(blocks(page), { everyOccurrence: false }, { isShown: (block) => (asked.push(block), !hidden.has(block)), counts });
    expect(selected.map(({ block }) => block)).toEqual(['sciatica in the article']);
    expect(asked).toEqual(['sciatica in a collapsed menu', 'sciatica in the article', 'shin splints, hidden too']);
    expect(counts.get(selected[0]!.match.entry)).toBe(3);
  });
});

describe('rules that keep other meanings out', () => {
  const data = makeTermData({
    stroke: [{ text: 'stroke', context: ['stroke', 'brain'] }],
    'hawkins-kennedy': ['Hawkins sign'],
    'nerve-gliding': ['nerve glide'],
    'physical-therapy': [{ text: 'PT', exact: true, context: ['physio', 'session', 'knee'] }],
    'de-quervains': [{ text: 'de Quervain', after: ['thyroiditis'] }],
    'repetitive-strain-injury': [{ text: 'RSI', exact: true, context: ['hand', 'hands', 'typing'] }],
  }, 'condition', ['hand']);
  const local = compileMatcher(data);
  const seen = (text: string): [string, string][] =>
    findTermsInText(local, text)
      .filter((match) => !match.needsPageContext)
      .map((match) => [text.slice(match.start, match.end), data.entries[match.entry]![0]]);

  it.each([
    ['a term is not its own cue', 'Two-stroke or four-stroke? A thin stroke around the shape.', []],
    ['a real cue still counts', 'After the stroke her brain needed time.', [['stroke', 'stroke']]],
    ['a sign named after a person has no plural ("Hawkins signs" is news about him)', 'Jalen Hawkins signs a four-year deal.', []],
    ['the sign itself still matches', 'A positive Hawkins sign on the left.', [['Hawkins sign', 'hawkins-kennedy']]],
    ['other forms keep their plurals', 'Two nerve glides a day.', [['nerve glides', 'nerve-gliding']]],
    ['an abbreviation after a clock time is a time zone', 'The knee session starts at 10:00 PT and ends by 1 p.m. PT.', []],
    ['an abbreviation after a count is not', 'Three PT sessions for my knee.', [['PT', 'physical-therapy']]],
    ['a plural listed beside a weak singular is the same weak cue, counted once', 'The RSI chart: hands up, on the other hand.', []],
    ['a full cue still counts', 'RSI from typing all day.', [['RSI', 'repetitive-strain-injury']]],
    ['a blocking word counts after a possessive too', "De Quervain's thyroiditis is a thyroid disease.", []],
    ['the possessive without the blocking word is found', "De Quervain's pain at the thumb.", [["De Quervain's", 'de-quervains']]],
  ])('%s', (_name, text, expected) => {
    expect(seen(text)).toEqual(expected);
  });
});
