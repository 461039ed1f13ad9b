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

export function selectDocumentMatches<Block>(
  blocks: readonly { readonly block: Block; readonly matches: readonly TermMatch[] }[],
  options: DocumentOptions,
  isShown?: IsShown<Block>,
): LocatedMatch<Block>[] {
  const aboutBody = isPageAboutBody(blocks.map((block) => block.matches));
  const selected: LocatedMatch<Block>[] = [];
  for (const { block, matches } of blocks) {
    for (const match of matches) {
      if (match.needsPageContext && !aboutBody) continue;
      if (options.showEntry && !options.showEntry(match.entry)) continue;
      if (isShown && !isShown(block, match)) continue;
      selected.push({ block, match });
    }
  }
  return options.everyOccurrence ? selected : firstOccurrences(selected);
}

/** The first of each entry's matches, in document order. */
export function firstOccurrences<T extends { readonly match: TermMatch }>(located: readonly T[]): T[] {
  const seen = new Set<number>();
  return located.filter(({ match }) => !seen.has(match.entry) && (seen.add(match.entry), true));
}
