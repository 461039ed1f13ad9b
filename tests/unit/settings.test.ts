import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_SETTINGS, highlightEnabled } from '../../lib/settings/settings';

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

  it.each(Object.entries(ALL_SETTINGS))('%s: a corrupt stored value falls back to the default and the store is repaired', async (_name, setting) => {
    const key = setting.spec.key.replace(/^\w+:/, '');
    await fakeBrowser.storage.local.set({ [key]: { garbage: '<script>' } });
    expect(await setting.get()).toEqual(setting.spec.fallback);
    expect((await fakeBrowser.storage.local.get(key))[key]).toEqual(setting.spec.fallback);
  });

  it('refuse to store an invalid value', async () => {
    await expect(highlightEnabled.set('yes' as unknown as boolean)).rejects.toThrow(/Invalid value/);
  });
});
