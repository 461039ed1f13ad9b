import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_SETTINGS, defineSetting, highlightEnabled } from '../../lib/settings/settings';

describe('settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('start from their defaults', async () => {
    expect(await highlightEnabled.get()).toBe(true);
  });

  it('keep what was set', async () => {
    await highlightEnabled.set(false);
    expect(await highlightEnabled.get()).toBe(false);
  });

  const garbage: [string, unknown][] = [
    ['a value of the wrong type', { v: 1, value: { garbage: '<script>' } }],
    ['a bare value without its version', 'yes'],
    ['a future version', { v: 99, value: true }],
    ['a record without a value', { v: 1 }],
  ];
  for (const [name, setting] of Object.entries(ALL_SETTINGS)) {
    it.each(garbage)(`${name}: %s falls back to the default and the store is repaired`, async (_case, stored) => {
      await fakeBrowser.storage.local.set({ [setting.key]: stored, 'setting:other': { v: 1, value: 'kept' } });
      expect(await setting.get()).toEqual(setting.spec.fallback);
      expect((await fakeBrowser.storage.local.get(setting.key))[setting.key]).toEqual({ v: setting.spec.version ?? 1, value: setting.spec.fallback });
      expect((await fakeBrowser.storage.local.get('setting:other'))['setting:other']).toEqual({ v: 1, value: 'kept' });
    });
  }

  it('tell watchers about changes', async () => {
    const seen: boolean[] = [];
    const stop = highlightEnabled.watch((value) => seen.push(value));
    await highlightEnabled.set(false);
    await fakeBrowser.storage.local.set({ [highlightEnabled.key]: 'garbage' });
    stop();
    await highlightEnabled.set(false);
    expect(seen).toEqual([false, true]);
  });

  it('refuse to store an invalid value', async () => {
    await expect(highlightEnabled.set('yes' as unknown as boolean)).rejects.toThrow(/Invalid value/);
  });

  it('migrate an old stored version forward and store the result', async () => {
    const delay = defineSetting<number>({
      name: 'testDelay',
      fallback: 300,
      isValid: (value): value is number => typeof value === 'number' && value >= 0,
      // Once stored in seconds, now in milliseconds.
      version: 2,
      migrations: { 2: (seconds) => Number(seconds) * 1000 },
    });
    await fakeBrowser.storage.local.set({ [delay.key]: { v: 1, value: 0.5 } });
    expect(await delay.get()).toBe(500);
    expect((await fakeBrowser.storage.local.get(delay.key))[delay.key]).toEqual({ v: 2, value: 500 });
  });
});
