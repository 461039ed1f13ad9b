import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { highlightEnvironment } from '../lib/highlight/paint';
import { adoptStyledHighlightSheet } from '../lib/highlight/sheet';

/**
 * Adopts the highlight stylesheet before the page has anything to style. Adopted later, its
 * `::highlight` rules would make the browser compute the style of every element of the page again
 * (a long task on a big page); adopted now, they cost nothing. The content script, which runs
 * when the page is ready, finds the sheet (lib/highlight/paint.ts).
 *
 * It runs on every page, before the page's own scripts, so it is kept to a few hundred bytes: an
 * unlisted script (no content-script context around it), which wxt.config.ts declares in the
 * manifest as a content script at document_start, for the same pages and frames as the other.
 */
export default defineUnlistedScript(() => {
  const env = highlightEnvironment();
  if (env) adoptStyledHighlightSheet(env);
});
