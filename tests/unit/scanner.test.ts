// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/matcher/compile';
import { collectTextBlocks, createBlockCollector, WORD_BREAK } from '../../lib/scanner/blocks';
import { boundsOf, scanTree } from '../../lib/scanner/scan';
import { FIXTURE } from './term-fixture';

const matcher = compileMatcher(FIXTURE);

function painted(html: string, everyOccurrence = true): string[] {
  document.body.innerHTML = html;
  return scanTree(document.body, matcher, { everyOccurrence }).map((term) => {
    const bounds = boundsOf(term);
    const range = document.createRange();
    range.setStart(bounds.startContainer, bounds.startOffset);
    range.setEnd(bounds.endContainer, bounds.endOffset);
    return range.toString();
  });
}

describe('reading a page', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['a term split by inline markup is one match', '<p>carpal <em>tunnel</em> syndrome</p>', ['carpal tunnel syndrome']],
    ['a term split inside a word by inline markup', '<p>sci<b>at</b>ica</p>', ['sciatica']],
    ['a <br> ends a block', '<p>carpal tunnel<br>syndrome</p>', ['carpal tunnel']],
    ['block elements separate words', '<div>low back</div><div>pain sciatica</div>', ['sciatica']],
    ['code, pre and kbd are skipped', '<p><code>sciatica</code> <kbd>sciatica</kbd></p><pre>sciatica</pre>', []],
    ['form fields are skipped', '<textarea>sciatica</textarea><input value="sciatica"><select><option>sciatica</option></select>', []],
    ['contenteditable is skipped', '<div contenteditable="true"><p>sciatica</p></div><div contenteditable="false">sciatica</div>', ['sciatica']],
    ['aria-hidden and hidden are skipped', '<p aria-hidden="true">sciatica</p><p hidden>sciatica</p>', []],
    ['text that is not rendered is skipped', '<div style="display:none"><p>sciatica</p></div>', []],
    ['scripts, styles and templates are skipped', '<script>var sciatica</script><style>.sciatica{}</style><template><p>sciatica</p></template>', []],
    ['skipped content separates the text around it', '<p>carpal <code>x</code> tunnel</p><p>low back<pre>x</pre>pain</p>', []],
    ['list items are blocks', '<ul><li>sciatica</li><li>carpal tunnel</li></ul>', ['sciatica', 'carpal tunnel']],
    ['links side by side are tags of their own', '<p>Tags: <a href="#a">Low</a> <a href="#b">back</a> <a href="#c">pain</a></p>', []],
    ['a term with a link around a word of it is one term', '<p>low <a href="#">back</a> pain</p>', ['low back pain']],
    ['a footnote mark ends the word before it', '<p>sciatica<sup>1</sup> and shin splints<sup>[2]</sup>.</p>', ['sciatica', 'shin splints']],
    ['an image between words keeps them apart', '<p>sciatica<img alt="">pain</p>', ['sciatica']],
    ['an inline image does not cut the sentence: the cue before it counts', '<p>My hand <img alt=""> went numb, is it CTS?</p>', ['CTS']],
    ['a registered sign inside a name is ignored', '<p>Carpal® tunnel syndrome</p>', ['Carpal® tunnel syndrome']],
  ])('%s', (_name, html, expected) => {
    expect(painted(html)).toEqual(expected);
  });

  it('scans open shadow roots as their own blocks', () => {
    document.body.innerHTML = '<div id="host"></div><p>carpal tunnel</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>sciatica in a shadow root</p>';
    const blocks = collectTextBlocks(document.body).map((block) => block.text);
    expect(blocks).toEqual(['sciatica in a shadow root', 'carpal tunnel']);
  });

  it.each([
    ['text after a nested block is a block of its own', '<div>low back<p>sciatica</p>pain</div>', ['low back', 'sciatica', 'pain']],
    ['inline markup continues the block around a nested block', '<p>a <span>b <div>c</div> d</span> e</p>', ['a b ', 'c', ' d e']],
    ['a skipped zone that ends the page', '<p>sciatica</p><div><code>x</code></div>', ['sciatica']],
    ['a skipped zone deep inside', '<div><p>a<em>b<code>x</code>c</em>d</p>e</div>', ['ab', 'cd', 'e']],
    ['comments are not text', '<p>carpal <!-- note --> tunnel</p>', ['carpal  tunnel']],
  ])('%s', (_name, html, expected) => {
    document.body.innerHTML = html;
    expect(collectTextBlocks(document.body).map((block) => block.text)).toEqual(expected);
  });

  it('reads the same blocks when the walk is cut into many slices', () => {
    document.body.innerHTML = `<div id="host"></div>${'<p>carpal <em>tunnel</em></p><pre>x</pre><div>low<br>back</div>'.repeat(600)}`;
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>in the <b>shadow</b></p>';
    const whole = collectTextBlocks(document.body).map((block) => block.text);
    const collector = createBlockCollector(document.body);
    let slices = 0;
    while (!collector.step(() => true)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(collector.blocks.map((block) => block.text)).toEqual(whole);
    expect(whole[0]).toBe('in the shadow');
    expect(whole).toHaveLength(1 + 3 * 600);
  });

  it('never scans the extension UI', () => {
    document.body.innerHTML = '<physiolens-ui><p>sciatica</p></physiolens-ui><p>carpal tunnel</p>';
    const blocks = collectTextBlocks(document.body, { isOwnUi: (element) => element.tagName === 'PHYSIOLENS-UI' });
    expect(blocks.map((block) => block.text)).toEqual(['carpal tunnel']);
  });

  it('leaves the page text and DOM unchanged', () => {
    const html = '<p>carpal <em>tunnel</em> syndrome and sciatica</p>';
    document.body.innerHTML = html;
    scanTree(document.body, matcher, { everyOccurrence: true });
    expect(document.body.innerHTML).toBe(html);
  });

  it('paints the first occurrence in the content, not in menus, banners, footers or screen-reader-only text, unless there is none', () => {
    const page =
      '<header><nav><a href="#">Sciatica</a> <a href="#">Shin splints</a></nav></header>' +
      '<div class="cookie-banner">We use cookies, even on pages about sciatica.</div>' +
      '<main><article><header><h1><span class="sr-only">Article: shin splints. </span>Living with sciatica</h1></header><p>Sciatica again.</p></article></main>' +
      '<footer>sciatica</footer>';
    document.body.innerHTML = page;
    const found = scanTree(document.body, matcher, { everyOccurrence: false }).map((term) => [term.block.text.slice(term.start, term.end), term.block.text]);
    expect(found).toEqual([
      ['Shin splints', `Sciatica ${WORD_BREAK}Shin splints`],
      ['sciatica', 'Article: shin splints. Living with sciatica'],
    ]);
  });

  it.each([
    ['an abbreviation the page spells out as something else is not ours there', '<p>Clear To Send (CTS) frames.</p><p>My hand went numb: CTS?</p>', []],
    ['... everywhere on the page', '<p>An access control list (ACL) blocks port 22.</p><p>My knee ligament: an ACL tear? The ACL hurts.</p>', ['ACL tear']],
    ['an abbreviation spelled out as ours stays ours', '<p>Carpal tunnel syndrome (CTS) makes my hand numb. CTS again.</p>', ['Carpal tunnel syndrome', 'CTS', 'CTS']],
    ['a definition in another entry form counts as ours', '<p>TENS (transcutaneous electrical nerve stimulation) for the pain and the unit.</p>', ['TENS', 'transcutaneous electrical nerve stimulation']],
  ])('%s', (_name, html, expected) => {
    expect(painted(html)).toEqual(expected);
  });

  it('gives the first occurrence per entry by default', () => {
    expect(painted('<p>sciatica</p><p>sciatica again</p>', false)).toEqual(['sciatica']);
  });
});
