import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { createMessageDispatcher } from '../../lib/messaging/messages';
import { BACKGROUND_GUARDS } from '../../lib/messaging/protocol';
import { sidePanelRequest } from '../../lib/platform/side-panel';

const EXTENSION_ID = 'physiolens-test';
const fromTab = { id: EXTENSION_ID, tab: { id: 7 } } as Parameters<ReturnType<typeof createMessageDispatcher>>[1];

describe('the background message protocol', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  const dispatch = createMessageDispatcher('background', BACKGROUND_GUARDS, createHandlers(BUNDLED_KB), EXTENSION_ID);
  const someId = BUNDLED_KB.entries[0]!.id;

  it('answers getEntryCards with the cards of known entries only', async () => {
    const reply = await dispatch({ physiolens: 1, to: 'background', type: 'getEntryCards', data: { ids: [someId, 'no-such-entry', someId] } }, fromTab);
    expect(reply).toMatchObject({ ok: true, value: [{ id: someId, name: BUNDLED_KB.entries[0]!.name }] });
  });

  it.each([
    ['an unknown type', { physiolens: 1, to: 'background', type: 'deleteEverything', data: {} }],
    ['a message without the marker', { type: 'getEntryCards', data: { ids: [] } }],
    ['a message without a destination', { physiolens: 1, type: 'getEntryCards', data: { ids: [] } }],
    ['a page-shaped forgery', { physiolens: '1', to: 'background', type: 'openSidePanel', data: { entryId: 'sciatica' } }],
    ['a request that fails its guard', { physiolens: 1, to: 'background', type: 'getEntryCards', data: { ids: '<img src=x>' } }],
    ['an id with markup', { physiolens: 1, to: 'background', type: 'openSidePanel', data: { entryId: '<script>' } }],
  ])('rejects %s with an error', async (_name, message) => {
    const reply = await dispatch(message, fromTab);
    expect(reply).toMatchObject({ ok: false });
  });

  it('leaves messages for content scripts to them', () => {
    expect(dispatch({ physiolens: 1, to: 'content', type: 'showTermOnPage', data: { entryId: someId } }, fromTab)).toBeUndefined();
  });

  it('ignores senders other than the extension', () => {
    expect(dispatch({ physiolens: 1, to: 'background', type: 'getEntryCards', data: { ids: [] } }, { id: 'another-extension' })).toBeUndefined();
  });

  it('opens the side panel before anything is awaited, and stores the wanted entry', async () => {
    const open = vi.fn(() => Promise.resolve());
    (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open };
    const replied = dispatch({ physiolens: 1, to: 'background', type: 'openSidePanel', data: { entryId: someId } }, fromTab);
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    expect(await replied).toEqual({ ok: true, value: { opened: true } });
    expect((await sidePanelRequest.getValue())?.entryId).toBe(someId);
  });
});
