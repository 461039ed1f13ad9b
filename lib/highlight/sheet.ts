import { adoptHighlightSheet, FOCUS_HIGHLIGHT, HOVER_HIGHLIGHT, TERM_HIGHLIGHTS, type HighlightEnvironment } from './paint';

/**
 * The rules of the highlight stylesheet, which only the early script carries
 * (entrypoints/highlight-sheet.ts): see lib/highlight/paint.ts for why the sheet never changes.
 * One rule per style ("none" has none); hover and focus always show, so "none" still has feedback.
 */
const ACCENT = '#0b7a75';

export const HIGHLIGHT_CSS = `
::highlight(${TERM_HIGHLIGHTS.underline}) {
  text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: ${ACCENT}; text-decoration-thickness: 2px; text-underline-offset: 2px;
}
::highlight(${TERM_HIGHLIGHTS.tint}) { background-color: rgba(11, 122, 117, 0.16); }
::highlight(${HOVER_HIGHLIGHT}) {
  background-color: rgba(11, 122, 117, 0.22);
  text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: ${ACCENT}; text-decoration-thickness: 2px;
}
::highlight(${FOCUS_HIGHLIGHT}) {
  background-color: #ffe58a; color: #1b1f24;
  text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: #b35c00; text-decoration-thickness: 3px;
}
`;

/** Adopts the highlight stylesheet, with its rules, where the content script will find it. */
export function adoptStyledHighlightSheet(env: HighlightEnvironment, holder: object = globalThis): CSSStyleSheet {
  return adoptHighlightSheet(env, holder, HIGHLIGHT_CSS);
}
