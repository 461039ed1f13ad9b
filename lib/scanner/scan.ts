import type { Matcher } from '../matcher/compile';
import { selectDocumentMatches, type DocumentOptions, type PageQuestions } from '../matcher/document';
import { definedOtherwise, findDefinitions, type Definitions } from '../matcher/definitions';
import { findTermsInText } from '../matcher/match';
import type { TermMatch } from '../matcher/types';
import { collectTextBlocks, locateInBlock, type BlockOptions, type TextBlock } from './blocks';

/** A term found on a page: its block and offsets, and the DOM positions it covers. */
export interface FoundTerm {
  readonly block: TextBlock;
  readonly start: number;
  readonly end: number;
  readonly entry: number;
  readonly form: number;
}

export interface ScanOptions extends BlockOptions, DocumentOptions {}

export const DEFAULT_SCAN_OPTIONS: DocumentOptions = { everyOccurrence: false };

/** The whole scan of a tree: blocks, matches per block, then the page-level choices. */
export function scanTree(root: Node, matcher: Matcher, options: ScanOptions = DEFAULT_SCAN_OPTIONS): FoundTerm[] {
  return scanBlocks(collectTextBlocks(root, options), matcher, options);
}

/** What matching finds in a block's text: its terms, and the abbreviations it defines. */
export interface BlockFindings {
  readonly matches: readonly TermMatch[];
  readonly definitions?: Definitions;
}

export const definitionsIn = (matcher: Matcher, text: string): { definitions?: Definitions } => {
  const definitions = findDefinitions(matcher, text);
  return definitions ? { definitions } : {};
};

export function findInBlock(matcher: Matcher, text: string): BlockFindings {
  return { matches: findTermsInText(matcher, text), ...definitionsIn(matcher, text) };
}

export function scanBlocks(blocks: readonly TextBlock[], matcher: Matcher, options: DocumentOptions = DEFAULT_SCAN_OPTIONS): FoundTerm[] {
  const perBlock = blocks.map((block) => ({ block, ...findInBlock(matcher, block.text) }));
  const definitions = perBlock.flatMap((found) => (found.definitions ? [found.definitions] : []));
  return selectDocumentMatches(perBlock, options, pageQuestions(undefined, definedOtherwise(matcher, definitions))).map(({ block, match }) => ({
    block,
    start: match.start,
    end: match.end,
    entry: match.entry,
    form: match.form,
  }));
}

export interface RangeBounds {
  readonly startContainer: Text;
  readonly startOffset: number;
  readonly endContainer: Text;
  readonly endOffset: number;
}

/** The DOM bounds of a found term, which may span several text nodes. */
export function boundsOf(term: FoundTerm): RangeBounds {
  const start = locateInBlock(term.block, term.start);
  const end = locateInBlock(term.block, term.end, true);
  return { startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset };
}

/**
 * The page text as the scanner reads it, which `cli scan` reports offsets into: the blocks'
 * texts joined by a blank line.
 */
export const BLOCK_SEPARATOR = '\n\n';

export function blockOffsets(blocks: readonly TextBlock[]): number[] {
  const offsets: number[] = [];
  let position = 0;
  for (const block of blocks) {
    offsets.push(position);
    position += block.text.length + BLOCK_SEPARATOR.length;
  }
  return offsets;
}

/**
 * A question about the element holding a match's text, answered once per element for one pass
 * over the page; `withoutNodes` for text that has no page (a .txt file in the CLI).
 */
function askOfElement(question: (element: Element) => boolean, withoutNodes: boolean): (block: TextBlock, match: { readonly start: number }) => boolean {
  const cache = new WeakMap<Element, boolean>();
  return (block, match) => {
    const element = block.nodes.length === 0 ? null : locateInBlock(block, match.start).node.parentElement;
    if (!element) return withoutNodes;
    let answer = cache.get(element);
    if (answer === undefined) {
      answer = question(element);
      cache.set(element, answer);
    }
    return answer;
  };
}

/**
 * Is a match's text rendered (no display: none on its element or an ancestor, no
 * content-visibility: hidden)? Blocks without nodes, as from a .txt file, always are.
 */
export const isTermShown = () => askOfElement((element) => typeof element.checkVisibility !== 'function' || element.checkVisibility(), true);

/**
 * The page's chrome: navigation, site header and footer, sidebars, dialogs and cookie or consent
 * banners; and text only for screen readers (shown in a 1-pixel box, so it passes the visibility
 * check). An article's own header or footer (its title, its byline) is content.
 */
const CHROME_SELECTOR =
  'nav,aside,header,footer,dialog,[role=navigation],[role=banner],[role=dialog],[aria-modal=true],[class*="cookie" i],[id*="cookie" i],[class*="consent" i],.sr-only,.visually-hidden,.screen-reader-text';

/** Is a match's text in the page's chrome? */
export const isInPageChrome = () =>
  askOfElement((element) => {
    const container = element.closest(CHROME_SELECTOR);
    return container !== null && !((container.localName === 'header' || container.localName === 'footer') && container.parentElement?.closest('article, main') != null);
  }, false);

/** The questions the scan asks the page about the matches it would paint. */
export function pageQuestions(counts?: Map<number, number>, definedOtherwise?: (match: TermMatch) => boolean): PageQuestions<TextBlock> {
  return { isShown: isTermShown(), inChrome: isInPageChrome(), ...(counts ? { counts } : {}), ...(definedOtherwise ? { definedOtherwise } : {}) };
}
