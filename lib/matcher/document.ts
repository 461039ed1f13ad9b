import type { TermMatch } from './types';

/**
 * Decisions that need the whole page, not one block: whether the page is clearly about the body
 * (so forms with a context rule count without a cue nearby), and first occurrence per entry.
 * The content script and `cli scan` both call this, so they agree.
 */
export interface DocumentOptions {
  /** Every occurrence instead of the first per entry. */
  readonly everyOccurrence: boolean;
  /** Entries the reader wants painted (categories shown, terms not muted); all when absent. */
  readonly showEntry?: (entry: number) => boolean;
}

/** Whether the text of a match is rendered (asked only of matches that are otherwise kept). */
export type IsShown<Block> = (block: Block, match: TermMatch) => boolean;

/** Distinct entries found by forms without a context rule that make a page "about the body". */
export const PAGE_RELEVANCE_THRESHOLD = 3;

export interface LocatedMatch<Block> {
  readonly block: Block;
  readonly match: TermMatch;
}

export function isPageAboutBody(blocks: readonly (readonly TermMatch[])[]): boolean {
  const entries = new Set<number>();
  for (const matches of blocks) {
    for (const match of matches) {
      if (!match.ruled) entries.add(match.entry);
      if (entries.size >= PAGE_RELEVANCE_THRESHOLD) return true;
    }
  }
  return false;
}

/** What the page itself can tell about a match (asked only of matches that are otherwise kept). */
export interface PageQuestions<Block> {
  /** Is the match's text rendered? */
  readonly isShown?: IsShown<Block>;
  /**
   * Is the match in the page's chrome (navigation, header, footer, sidebar, a dialog or cookie
   * banner)? The first occurrence shown is then one in the page's content when there is one.
   */
  readonly inChrome?: IsShown<Block>;
  /** Filled with every occurrence per entry that passes the page and reader choices, rendered or not. */
  readonly counts?: Map<number, number>;
  /** Is the match an abbreviation the page defines as something else (see definitions.ts)? */
  readonly definedOtherwise?: (match: TermMatch) => boolean;
}

/**
 * The matches to paint, in document order. The page is asked about a match only when it would be
 * painted (not about a second occurrence when only the first is wanted): asking costs a style
 * lookup or a walk up the tree.
 */
export function selectDocumentMatches<Block>(
  blocks: readonly { readonly block: Block; readonly matches: readonly TermMatch[] }[],
  options: DocumentOptions,
  page: PageQuestions<Block> = {},
): LocatedMatch<Block>[] {
  const { isShown, inChrome, counts, definedOtherwise } = page;
  const aboutBody = isPageAboutBody(blocks.map((block) => block.matches));
  const selected: { readonly at: number; readonly located: LocatedMatch<Block> }[] = [];
  const painted = new Set<number>();
  /** Per entry not painted yet, its first occurrence in the page's chrome. */
  const inChromeOnly = new Map<number, { readonly at: number; readonly located: LocatedMatch<Block> }>();
  let at = 0;
  for (const { block, matches } of blocks) {
    for (const match of matches) {
      at++;
      if (match.needsPageContext && !aboutBody) continue;
      if (definedOtherwise?.(match)) continue;
      if (options.showEntry && !options.showEntry(match.entry)) continue;
      counts?.set(match.entry, (counts.get(match.entry) ?? 0) + 1);
      if (options.everyOccurrence) {
        if (!isShown || isShown(block, match)) selected.push({ at, located: { block, match } });
        continue;
      }
      if (painted.has(match.entry)) continue;
      if (isShown && !isShown(block, match)) continue;
      if (inChrome?.(block, match)) {
        if (!inChromeOnly.has(match.entry)) inChromeOnly.set(match.entry, { at, located: { block, match } });
        continue;
      }
      painted.add(match.entry);
      selected.push({ at, located: { block, match } });
    }
  }
  for (const [entry, first] of inChromeOnly) if (!painted.has(entry)) selected.push(first);
  return selected.sort((one, other) => one.at - other.at).map(({ located }) => located);
}
