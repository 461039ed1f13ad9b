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

/**
 * The matches to paint, in document order. Whether a match's text is rendered is asked only when
 * the match would be painted (not of a second occurrence when only the first is wanted): asking
 * costs a style lookup. `counts`, when given, gets every occurrence per entry that passes the
 * page and reader choices, rendered or not.
 */
export function selectDocumentMatches<Block>(
  blocks: readonly { readonly block: Block; readonly matches: readonly TermMatch[] }[],
  options: DocumentOptions,
  isShown?: IsShown<Block>,
  counts?: Map<number, number>,
): LocatedMatch<Block>[] {
  const aboutBody = isPageAboutBody(blocks.map((block) => block.matches));
  const selected: LocatedMatch<Block>[] = [];
  const painted = new Set<number>();
  for (const { block, matches } of blocks) {
    for (const match of matches) {
      if (match.needsPageContext && !aboutBody) continue;
      if (options.showEntry && !options.showEntry(match.entry)) continue;
      counts?.set(match.entry, (counts.get(match.entry) ?? 0) + 1);
      if (!options.everyOccurrence && painted.has(match.entry)) continue;
      if (isShown && !isShown(block, match)) continue;
      painted.add(match.entry);
      selected.push({ block, match });
    }
  }
  return selected;
}
