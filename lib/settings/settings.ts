import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from '../kb/vocabulary';

/**
 * Every setting is its own typed storage item with a default, a version and migrations
 * (DESIGN.md decision 5), stored in `storage.local` as `{ v, value }` under `setting:<name>`.
 * A stored value that is missing, malformed, of a future version or fails validation is never
 * passed on: the reader gets the default and the store is repaired, so a corrupt value cannot
 * crash a context and one bad setting never costs the others.
 *
 * (A small layer of our own rather than @wxt-dev/storage: it keeps the content script, which
 * every page pays for, about 5 KB lighter, and a newer stored version falls back instead of
 * throwing.)
 */
export interface SettingSpec<T> {
  readonly name: string;
  readonly fallback: T;
  readonly isValid: (value: unknown) => value is T;
  /** Shown in the options page. */
  readonly label: string;
  readonly description: string;
  /** Current version (1 when omitted); `migrations[n]` turns a version n-1 value into version n. */
  readonly version?: number;
  readonly migrations?: Readonly<Record<number, (old: unknown) => unknown>>;
}

export interface Setting<T> {
  readonly spec: SettingSpec<T>;
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls back with every new value (the default when the stored one is invalid). */
  watch(callback: (value: T) => void): () => void;
}

interface Stored {
  readonly v: number;
  readonly value: unknown;
}

const isStored = (raw: unknown): raw is Stored =>
  typeof raw === 'object' && raw !== null && Number.isInteger((raw as Stored).v) && (raw as Stored).v >= 1 && 'value' in raw;

/** The value a stored record stands for, migrated; undefined when it cannot be trusted. */
export function readStored<T>(spec: SettingSpec<T>, raw: unknown): { value: T; repaired: boolean } | undefined {
  const version = spec.version ?? 1;
  if (!isStored(raw) || raw.v > version) return undefined;
  let value = raw.value;
  try {
    for (let next = raw.v + 1; next <= version; next++) {
      const migrate = spec.migrations?.[next];
      if (migrate) value = migrate(value);
    }
  } catch {
    return undefined;
  }
  return spec.isValid(value) ? { value, repaired: raw.v !== version } : undefined;
}

export function defineSetting<T>(spec: SettingSpec<T>): Setting<T> {
  const key = `setting:${spec.name}`;
  const version = spec.version ?? 1;
  const write = (value: T): Promise<void> => browser.storage.local.set({ [key]: { v: version, value } });
  return {
    spec,
    key,
    async get() {
      let raw: unknown;
      try {
        raw = (await browser.storage.local.get(key))[key];
      } catch {
        return spec.fallback;
      }
      if (raw === undefined) return spec.fallback;
      const read = readStored(spec, raw);
      const value = read ? read.value : spec.fallback;
      if (!read || read.repaired) {
        // Repair in place; if storage is gone (context invalidated), the value still applies.
        await write(value).catch(() => undefined);
      }
      return value;
    },
    async set(value) {
      if (!spec.isValid(value)) throw new TypeError(`Invalid value for ${spec.name}: ${JSON.stringify(value)}`);
      await write(value);
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
        if (area !== 'local' || !(key in changes)) return;
        const newValue = changes[key]!.newValue;
        callback(newValue === undefined ? spec.fallback : (readStored(spec, newValue)?.value ?? spec.fallback));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export const highlightEnabled = defineSetting<boolean>({
  name: 'highlightEnabled',
  fallback: true,
  isValid: isBoolean,
  label: 'Highlight terms on pages',
  description: 'Find physical-therapy terms on the pages you read and explain them when you point at them.',
});

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 10_000 && value.every((item) => typeof item === 'string' && item.length <= 300);

export const disabledSites = defineSetting<string[]>({
  name: 'disabledSites',
  fallback: [],
  isValid: isStringList,
  label: 'Sites where PhysioLens stays off',
  description: 'On these sites nothing is highlighted. Turn a site off from the popup, or add and remove sites here.',
});

export const shownCategories = defineSetting<Category[]>({
  name: 'shownCategories',
  fallback: [...CATEGORIES],
  isValid: (value): value is Category[] => isStringList(value) && value.every((item) => (CATEGORIES as readonly string[]).includes(item)),
  label: 'Kinds of terms to highlight',
  description: 'Highlight only the kinds of terms you want explained: conditions, treatments, anatomy and so on.',
});

export const everyOccurrence = defineSetting<boolean>({
  name: 'everyOccurrence',
  fallback: false,
  isValid: isBoolean,
  label: 'Highlight every occurrence',
  description: 'By default only the first mention of each term on a page is highlighted, to keep pages calm.',
});

/** Every setting, for the options page and its test. */
export const ALL_SETTINGS = { highlightEnabled, disabledSites, shownCategories, everyOccurrence } as const;

/** Is PhysioLens off on this site? A listed site also covers its subdomains ("nhs.uk" covers "www.nhs.uk"). */
export function isSiteDisabled(hostname: string, sites: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return sites.some((site) => {
    const listed = site.toLowerCase().trim();
    return listed !== '' && (host === listed || host.endsWith(`.${listed}`));
  });
}
