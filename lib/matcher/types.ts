import type { Category } from '../kb/vocabulary';

/**
 * The compact term data the content script carries (`terms.json`), built from the KB at build
 * time. Kept small on purpose: every page pays for it (DESIGN.md decision 3).
 */
export interface TermData {
  readonly version: 1;
  /** [id, name, category], indexed by `FormRecord.entry`. */
  readonly entries: readonly (readonly [string, string, Category])[];
  /** Groups of cue words (a named set, or one literal word), folded; `FormRecord.context` indexes them. */
  readonly cues: readonly (readonly string[])[];
  /** Cue words with common meanings outside the body: each counts half (two are needed). */
  readonly weakCues?: readonly string[];
  readonly forms: readonly FormRecord[];
}

export interface FormRecord {
  /** The form as written. */
  readonly text: string;
  readonly entry: number;
  /** Exact case only. */
  readonly exact?: true;
  /** Indexes into `TermData.cues`: the form needs one of their words nearby, or a page about the body. */
  readonly context?: readonly number[];
  /** Folded words or phrases that block the form right before / right after it. */
  readonly before?: readonly string[];
  readonly after?: readonly string[];
}

/** One term found in a block of text. Offsets are UTF-16 offsets into that text. */
export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: number;
  readonly form: number;
  /**
   * The form has a context rule that no cue nearby satisfied: it counts only on a page that is
   * clearly about the body (see `selectDocumentMatches`).
   */
  readonly needsPageContext: boolean;
  /**
   * The form carries a context rule. Only matches of forms without one count as evidence for
   * others (a neighbour's cue, the page's relevance): evidence never comes from a guess.
   */
  readonly ruled: boolean;
}
