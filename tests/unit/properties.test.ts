// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTermData } from '../../lib/kb/term-data';
import { compileMatcher } from '../../lib/matcher/compile';
import { isWordCode } from '../../lib/matcher/fold';
import { findTermsInText } from '../../lib/matcher/match';
import { boundsOf, scanTree } from '../../lib/scanner/scan';
import { loadKb } from '../../scripts/kb-source';

/**
 * Property-based tests over random text and random DOM trees with real KB terms spliced in: the
 * engine never throws, never changes the page, never overlaps matches, maps every match back to
 * its text, and gives the same answer twice.
 */
const kb = loadKb();
const data = buildTermData(kb.entries, kb.rules.cueSets, kb.rules.weakCues);
const matcher = compileMatcher(data);
const forms = data.forms.map((form) => form.text);

const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...forms) },
  { weight: 4, arbitrary: fc.constantFrom('the', 'pain', 'knee', 'and', 'tens', 'of', 'back', 'ACL', 'on', 'hand', 'café', 'naïve', '痛み', 'ألم', '🙂', 'x', '') },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const separator = fc.constantFrom(' ', ' ', '  ', '-', '–', '\u00a0', '\n', ', ', '. ', "'", '’', '', '\u0301');
const text = fc.array(fc.tuple(word, separator), { maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('matching random text', () => {
  it('never throws, never overlaps, keeps to word boundaries, and is deterministic', () => {
    fc.assert(
      fc.property(text, (input) => {
        const matches = findTermsInText(matcher, input);
        let last = 0;
        for (const match of matches) {
          expect(match.start).toBeGreaterThanOrEqual(last);
          expect(match.end).toBeGreaterThan(match.start);
          expect(match.end).toBeLessThanOrEqual(input.length);
          // Before a term: a non-word character, or a stray accent (a combining mark) at most.
          if (match.start > 0) {
            const before = input.charCodeAt(match.start - 1);
            expect(isWordCode(before) && !(before >= 0x300 && before <= 0x36f)).toBe(false);
          }
          if (match.end < input.length) expect(isWordCode(input.charCodeAt(match.end))).toBe(false);
          last = match.end;
        }
        expect(findTermsInText(matcher, input)).toEqual(matches);
      }),
      { numRuns: 1000 },
    );
  });
});

type Tree = { tag: string; children: Tree[] } | string;
const INLINE = ['span', 'em', 'strong', 'a', 'b', 'i', 'mark'];
const BLOCK = ['p', 'div', 'li', 'section', 'h2', 'td', 'blockquote'];
const SKIPPED = ['code', 'pre', 'textarea', 'script', 'kbd'];
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: text },
    { weight: 1, arbitrary: fc.constant('BR') },
    {
      weight: 3,
      arbitrary: fc.record({ tag: fc.constantFrom(...INLINE, ...BLOCK, ...SKIPPED), children: fc.array(tie('node'), { maxLength: 4 }) }),
    },
  ),
})).node;

function build(node: Tree, parent: Node): void {
  if (typeof node === 'string') {
    if (node === 'BR') parent.appendChild(document.createElement('br'));
    else parent.appendChild(document.createTextNode(node));
    return;
  }
  const element = document.createElement(node.tag);
  // A <script> must not run, a <textarea> keeps raw text: children become text there.
  if (node.tag === 'script' || node.tag === 'textarea') element.textContent = JSON.stringify(node.children).slice(0, 80);
  else node.children.forEach((child) => build(child, element));
  parent.appendChild(element);
}

describe('scanning random DOM trees', () => {
  it('never throws or changes the DOM, maps every match to its text, skips skipped zones, and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), fc.boolean(), (roots, everyOccurrence) => {
        document.body.replaceChildren();
        roots.forEach((root) => build(root, document.body));
        const before = document.body.innerHTML;
        const found = scanTree(document.body, matcher, { everyOccurrence });
        expect(document.body.innerHTML).toBe(before);
        for (const term of found) {
          const bounds = boundsOf(term);
          const range = document.createRange();
          range.setStart(bounds.startContainer, bounds.startOffset);
          range.setEnd(bounds.endContainer, bounds.endOffset);
          expect(range.toString()).toBe(term.block.text.slice(term.start, term.end));
          expect(bounds.startContainer.parentElement?.closest(SKIPPED.join(','))).toBeNull();
        }
        const again = scanTree(document.body, matcher, { everyOccurrence });
        expect(again.map((term) => [term.block.text, term.start, term.end, term.entry])).toEqual(
          found.map((term) => [term.block.text, term.start, term.end, term.entry]),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
