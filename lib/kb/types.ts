import type { ReferenceKind } from './references';
import type { Category, EvidenceLevel, Region, SectionTitle, Tag } from './vocabulary';

/** Inline Markdown, compiled to a small tree that components render (never an HTML string). */
export type Inline =
  | string
  | { readonly type: 'strong' | 'em'; readonly children: readonly Inline[] }
  | { readonly type: 'entry-link'; readonly id: string; readonly children: readonly Inline[] }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly items: readonly (readonly Inline[])[] };

export interface Section {
  readonly title: SectionTitle;
  readonly blocks: readonly Block[];
}

export type TermMatchMode = 'always' | 'never';

/** One surface form as written in an entry's front matter, with its rules. */
export interface TermSpec {
  readonly text: string;
  readonly caseSensitive?: boolean;
  /** Names of cue sets (data/cues.yaml) or literal cue words; the form needs a cue nearby or a page about the body. */
  readonly context?: readonly string[];
  readonly match?: TermMatchMode;
  readonly blockedBefore?: readonly string[];
  readonly blockedAfter?: readonly string[];
  readonly ambiguous?: boolean;
}

export interface Reference {
  readonly label: string;
  readonly url: string;
  readonly kind: ReferenceKind;
}

export interface Entry {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly tags: readonly Tag[];
  readonly regions: readonly Region[];
  /** Every surface form, the name first. */
  readonly terms: readonly TermSpec[];
  readonly keywords: readonly string[];
  readonly summary: string;
  readonly sections: readonly Section[];
  readonly related: readonly string[];
  /** Entries that list this one as related (added by the build; not in the source files). */
  readonly linkedFrom?: readonly string[];
  readonly codes: { readonly icd10cm?: readonly string[] };
  readonly evidence?: EvidenceLevel;
  readonly references: readonly Reference[];
  readonly reviewed: string;
}

/** What the popup, side panel and background load: `kb.json`. */
export interface CompiledKb {
  readonly version: 1;
  readonly entries: readonly Entry[];
}

/** The short card the tooltip shows, fetched from the background after a scan. */
export interface EntryCard {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly summary: string;
  readonly related: readonly { readonly id: string; readonly name: string }[];
}
