// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../entrypoints/popup/App';
import { SidePanelApp } from '../../entrypoints/sidepanel/App';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { createMessageDispatcher } from '../../lib/messaging/messages';
import { BACKGROUND_GUARDS } from '../../lib/messaging/protocol';
import { createFakeConnector } from './fake-connector';

/** Hostile input is text, never markup, and never a crash. */
afterEach(cleanup);

const ROOT = join(import.meta.dirname, '../..');
const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() ? sourceFiles(join(dir, item.name)) : /\.(ts|tsx)$/.test(item.name) ? [join(dir, item.name)] : [],
  );

describe('the source', () => {
  it('never turns KB or page text into HTML, and never evaluates code', () => {
    const offenders = ['entrypoints', 'components', 'lib'].flatMap(sourceFiles).flatMap((file) => {
      const source = readFileSync(join(ROOT, file), 'utf8');
      return [/\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /dangerouslySetInnerHTML/, /document\.write\(/, /\beval\(/, /new Function\(/]
        .filter((pattern) => pattern.test(source))
        .map((pattern) => `${relative(ROOT, join(ROOT, file))}: ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });
});

const HOSTILE = [
  ['10,000 characters', 'a'.repeat(10_000)],
  ['markup', '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>'],
  ['control characters', 'sci\u0000at\u0007ica\u202e\u0008'],
  ['a long id of markup', `${'<b>'.repeat(3000)}sciatica`],
] as const;

describe('hostile search queries', () => {
  it.each(HOSTILE)('the popup takes %s as plain text', (_name, query) => {
    render(<PopupApp kb={BUNDLED_KB} connector={createFakeConnector()} />);
    const search = screen.getByRole('searchbox');
    fireEvent.input(search, { target: { value: query } });
    expect(document.querySelector('img, script:not([src]) , b')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('hostile deep links', () => {
  it.each(HOSTILE)('the side panel shows "not found" for an id of %s, as text', (_name, id) => {
    render(<SidePanelApp kb={BUNDLED_KB} connector={createFakeConnector()} initialRoute={{ view: 'entry', id }} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Entry not found' })).toBeTruthy();
    expect(document.querySelector('article img, article script, article b')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('rejected messages', () => {
  it('are logged once per kind of problem, not once per message', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dispatch = createMessageDispatcher('background', BACKGROUND_GUARDS, {} as never, 'physiolens');
    const sender = { id: 'physiolens' };
    for (let k = 0; k < 5; k++) await dispatch({ physiolens: 1, to: 'background', type: 'nope', data: {} }, sender);
    for (let k = 0; k < 5; k++) await dispatch('not an envelope', sender);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
