import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

/**
 * `npm run dev` opens a browser with the extension loaded: the CHROME_PATH you set, else the
 * system Chromium or Chrome, else whatever WXT finds. Set PHYSIOLENS_NO_BROWSER=1 to build and
 * watch without opening one (machines without a display).
 */
const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const chrome = candidates.find((path): path is string => Boolean(path && existsSync(path)));
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineWebExtConfig({
  disabled: process.env.PHYSIOLENS_NO_BROWSER === '1',
  ...(chrome ? { binaries: { chrome } } : {}),
  // Chromium refuses to start as root without this; a normal user keeps the sandbox.
  chromiumArgs: ['--no-first-run', '--disable-background-networking', ...(runningAsRoot ? ['--no-sandbox'] : [])],
});
