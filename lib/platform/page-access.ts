import { isSiteDisabled } from '../settings/settings';

/**
 * Why a tab's page can or cannot be scanned, from its address alone (plain function: the popup and
 * side panel add what the browser says about permissions). Browsers keep extensions out of their
 * own pages, the extension stores and the built-in PDF viewer; canvas editors draw their text, so
 * there is no page text to read.
 */
export type PageAccess =
  /** An ordinary web page: scanned when the user lets the extension read its origin. */
  | { readonly kind: 'web'; readonly origin: string; readonly host: string }
  /** A file on the computer: scanned only with "Allow access to file URLs". */
  | { readonly kind: 'file' }
  | { readonly kind: 'browser-page'; readonly scheme: string }
  | { readonly kind: 'web-store'; readonly host: string }
  | { readonly kind: 'pdf' }
  | { readonly kind: 'canvas-editor'; readonly app: string; readonly host: string }
  /** One of this extension's own pages (or another extension's). */
  | { readonly kind: 'extension-page' }
  /** The browser did not tell us the address (it hides it without a permission for the page). */
  | { readonly kind: 'unknown' };

const BROWSER_SCHEMES = new Set(['chrome:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'about:', 'chrome-search:', 'chrome-untrusted:', 'devtools:', 'view-source:', 'data:', 'javascript:', 'blob:']);
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'extension:']);
/** Chrome's PDF viewer is itself an extension. */
const PDF_VIEWER_EXTENSION_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

const STORES: readonly { readonly host: string; readonly path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org' },
  { host: 'addons.opera.com' },
];

const CANVAS_EDITORS: readonly { readonly host: string; readonly path: string; readonly app: string }[] = [
  { host: 'docs.google.com', path: '/document/', app: 'Google Docs' },
  { host: 'docs.google.com', path: '/spreadsheets/', app: 'Google Sheets' },
  { host: 'docs.google.com', path: '/presentation/', app: 'Google Slides' },
];

export function pageAccessOf(url: string | undefined): PageAccess {
  if (!url) return { kind: 'unknown' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'unknown' };
  }
  const { protocol, hostname, pathname } = parsed;
  if (protocol === 'chrome-extension:' && hostname === PDF_VIEWER_EXTENSION_ID) return { kind: 'pdf' };
  if (EXTENSION_SCHEMES.has(protocol)) return { kind: 'extension-page' };
  if (BROWSER_SCHEMES.has(protocol)) return { kind: 'browser-page', scheme: protocol.slice(0, -1) };
  if (protocol === 'file:') return /\.pdf$/i.test(pathname) ? { kind: 'pdf' } : { kind: 'file' };
  if (protocol !== 'http:' && protocol !== 'https:') return { kind: 'browser-page', scheme: protocol.slice(0, -1) };
  const host = hostname.toLowerCase();
  if (STORES.some((store) => store.host === host && (!store.path || pathname.startsWith(store.path)))) return { kind: 'web-store', host };
  const editor = CANVAS_EDITORS.find((candidate) => candidate.host === host && pathname.startsWith(candidate.path));
  if (editor) return { kind: 'canvas-editor', app: editor.app, host };
  // A URL ending in .pdf opens in the PDF viewer (the address bar keeps the file's URL).
  if (/\.pdf$/i.test(pathname)) return { kind: 'pdf' };
  return { kind: 'web', origin: parsed.origin, host };
}

/** Why nothing is highlighted on a page of this kind, in plain words; undefined for pages that can be scanned. */
export function whyNotScanned(access: PageAccess): string | undefined {
  switch (access.kind) {
    case 'browser-page':
      return `This is a page of the browser itself (${access.scheme}:). Browsers don't let extensions read their own pages, so nothing is highlighted here.`;
    case 'web-store':
      return "This is an extension store. Browsers don't let extensions read it, so nothing is highlighted here.";
    case 'pdf':
      return "This is a PDF in the browser's PDF viewer, which extensions can't read. Search for a word above instead.";
    case 'canvas-editor':
      return `${access.app} draws its text on a canvas rather than as page text, so PhysioLens can't find terms in it. Search for a word above instead.`;
    case 'extension-page':
      return 'This is an extension page, not a web page, so there is nothing to highlight.';
    case 'unknown':
      return "PhysioLens can't see this page: it may be a browser page (such as a new tab or settings) or a site you haven't allowed it to read.";
    case 'file':
    case 'web':
      return undefined;
  }
}

/** The form a site takes in the disabled-sites list: its host name, without a leading "www.". */
export function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/**
 * A site as a person types it ("https://www.nhs.uk/conditions", "NHS.uk") in list form, or
 * undefined when it is not a host name.
 */
export function parseSite(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return undefined;
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(host) || (!host.includes('.') && host !== 'localhost')) return undefined;
  return siteOf(host);
}

/** The disabled-sites list with this host switched off (nothing changes if it is already off). */
export function withSiteOff(sites: readonly string[], host: string): string[] {
  return isSiteDisabled(host, sites) ? [...sites] : [...sites, siteOf(host)];
}

/** The disabled-sites list with every entry that covers this host removed, so the host is on again. */
export function withSiteOn(sites: readonly string[], host: string): string[] {
  return sites.filter((site) => !isSiteDisabled(host, [site]));
}
