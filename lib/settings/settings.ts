import { storage, type StorageItemKey } from 'wxt/utils/storage';

/**
 * Every setting is its own typed storage item with a default, a version and a validator
 * (DESIGN.md decision 5). A stored value that fails validation is never passed on: the reader gets
 * the default and the store is repaired, so a corrupt value cannot crash a context, and one bad
 * setting never costs the others.
 */
export interface SettingSpec<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  readonly isValid: (value: unknown) => value is T;
  /** Shown in the options page. */
  readonly label: string;
  readonly description: string;
  readonly version?: number;
  readonly migrations?: Record<number, (old: unknown) => unknown>;
}

export interface Setting<T> {
  readonly spec: SettingSpec<T>;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls back with every new valid value (the default when the stored one is invalid). */
  watch(callback: (value: T) => void): () => void;
}

export function defineSetting<T>(spec: SettingSpec<T>): Setting<T> {
  const item = storage.defineItem<T>(spec.key, {
    fallback: spec.fallback,
    version: spec.version ?? 1,
    ...(spec.migrations ? { migrations: spec.migrations } : {}),
  });
  const repair = async (): Promise<void> => {
    try {
      await item.setValue(spec.fallback);
    } catch {
      // Storage can be unavailable (extension context invalidated): the default still applies.
    }
  };
  return {
    spec,
    async get() {
      let raw: unknown;
      try {
        raw = await item.getValue();
      } catch {
        raw = undefined;
      }
      if (spec.isValid(raw)) return raw;
      await repair();
      return spec.fallback;
    },
    async set(value) {
      if (!spec.isValid(value)) throw new TypeError(`Invalid value for ${spec.key}: ${JSON.stringify(value)}`);
      await item.setValue(value);
    },
    watch(callback) {
      return item.watch((value) => callback(spec.isValid(value) ? value : spec.fallback));
    },
  };
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export const highlightEnabled = defineSetting<boolean>({
  key: 'local:highlightEnabled',
  fallback: true,
  isValid: isBoolean,
  label: 'Highlight terms on pages',
  description: 'Find physical-therapy terms on the pages you read and explain them when you point at them.',
});

/** Every setting, for the options page and its test. */
export const ALL_SETTINGS = { highlightEnabled } as const;
