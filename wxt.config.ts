import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See ../shared/DESIGN.md. Auto-imports are off: every import is written out.

const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "connect-src 'none'",
].join('; ');
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // The KB ships as JSON.parse('…'), which starts faster than an object literal of the same size.
    json: { stringify: true },
  }),
  hooks: {
    // The highlight stylesheet is adopted at document_start, before the page has any style to
    // compute (entrypoints/highlight-sheet.ts): declared here, next to the content script it
    // serves and with the same reach, because as an unlisted script it carries no WXT runtime.
    'build:manifestGenerated': (_wxt, manifest) => {
      const content = manifest.content_scripts?.find((script) => script.js?.includes('content-scripts/content.js'));
      if (!content) throw new Error('The content script is missing from the manifest');
      const { matches, all_frames, match_about_blank } = content;
      const fallback = (content as { match_origin_as_fallback?: boolean }).match_origin_as_fallback;
      manifest.content_scripts!.unshift({
        matches,
        all_frames,
        match_about_blank,
        ...(fallback === undefined ? {} : { match_origin_as_fallback: fallback }),
        run_at: 'document_start',
        js: ['highlight-sheet.js'],
      });
    },
    // The content script runs on every page, so it is held to a size budget (scripts/check-size.ts).
    // It uses the browser's own promise-based API (`chrome` in Chrome, `browser` in Firefox) through
    // WXT's plain `wxt/browser`; the background and the extension pages get webextension-polyfill.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = viteConfig.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  manifest: ({ command, browser }) => ({
    name: 'PhysioLens',
    description: 'Explains physical-therapy terms on any web page. Offline; no page text leaves your browser.',
    // Each permission, and what breaks without it, is listed in the README. ("sidePanel" is added
    // by WXT for Chrome; Firefox gets a sidebar_action instead.)
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: ['<all_urls>'],
    commands: {
      'walk-terms': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Walk the terms on this page (N / P to move, Enter to open, Esc to leave)',
      },
      // Firefox cannot open the sidebar from a click in a page: a shortcut opens it instead.
      ...(browser === 'firefox' ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Y' }, description: 'Open the PhysioLens sidebar' } } : {}),
    },
    // Extension pages load only their own files and connect nowhere. (`wxt dev` needs its dev
    // server, so the policy applies to builds.)
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'physiolens@physiolens.org',
              // 140 brought the CSS Custom Highlight API, which paints every term; 142 is the first
              // version (desktop and Android) that reads data_collection_permissions below.
              strict_min_version: '142.0',
              // PhysioLens collects nothing (Firefox asks add-ons to say so).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
