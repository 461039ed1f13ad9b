import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See ../shared/DESIGN.md. Auto-imports are off: every import is written out.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // The KB ships as JSON.parse('…'), which starts faster than an object literal of the same size.
    json: { stringify: true },
  }),
  manifest: {
    name: 'PhysioLens',
    description: 'Explains physical-therapy terms on any web page. Offline; no page text leaves your browser.',
    permissions: ['storage', 'sidePanel', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: ['<all_urls>'],
  },
});
