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
});

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 10_000 && value.every((item) => typeof item === 'string' && item.length <= 300);

export const disabledSites = defineSetting<string[]>({
  name: 'disabledSites',
  fallback: [],
  isValid: isStringList,
});

export const shownCategories = defineSetting<Category[]>({
  name: 'shownCategories',
  fallback: [...CATEGORIES],
  isValid: (value): value is Category[] => isStringList(value) && value.every((item) => (CATEGORIES as readonly string[]).includes(item)),
});

export const everyOccurrence = defineSetting<boolean>({
  name: 'everyOccurrence',
  fallback: false,
  isValid: isBoolean,
});

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

export const HIGHLIGHT_STYLES = ['underline', 'tint', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export const highlightStyle = defineSetting<HighlightStyle>({
  name: 'highlightStyle',
  fallback: 'underline',
  isValid: oneOf(HIGHLIGHT_STYLES),
});

export const TRIGGERS = ['hover', 'modifier', 'click'] as const;
export type Trigger = (typeof TRIGGERS)[number];
export const tooltipTrigger = defineSetting<Trigger>({
  name: 'tooltipTrigger',
  fallback: 'hover',
  isValid: oneOf(TRIGGERS),
});

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;
export const hoverDelayMs = defineSetting<number>({
  name: 'hoverDelayMs',
  fallback: 300,
  isValid: (value): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= HOVER_DELAY_RANGE.min && value <= HOVER_DELAY_RANGE.max,
});

export const showBadge = defineSetting<boolean>({
  name: 'showBadge',
  fallback: true,
  isValid: isBoolean,
});

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const theme = defineSetting<Theme>({
  name: 'theme',
  fallback: 'system',
  isValid: oneOf(THEMES),
});

export const mutedTerms = defineSetting<string[]>({
  name: 'mutedTerms',
  fallback: [],
  isValid: (value): value is string[] => isStringList(value) && value.every((id) => /^[a-z0-9-]+$/.test(id)),
});

/** Every setting, for the options page and its test. */
export const ALL_SETTINGS = {
  highlightEnabled,
  disabledSites,
  shownCategories,
  everyOccurrence,
  highlightStyle,
  tooltipTrigger,
  hoverDelayMs,
  showBadge,
  theme,
  mutedTerms,
} as const;

export type SettingName = keyof typeof ALL_SETTINGS;
export type SettingValues = { -readonly [K in SettingName]: (typeof ALL_SETTINGS)[K]['spec']['fallback'] };

/** Every setting at once (a context reads them together at start). */
export async function readAllSettings(): Promise<SettingValues> {
  const names = Object.keys(ALL_SETTINGS) as SettingName[];
  const values = await Promise.all(names.map((name) => ALL_SETTINGS[name].get()));
  return Object.fromEntries(names.map((name, index) => [name, values[index]])) as SettingValues;
}

/** Calls back with every change of any setting, by name; returns the unwatch function. */
export function watchAllSettings(callback: <K extends SettingName>(name: K, value: SettingValues[K]) => void): () => void {
  const stops = (Object.keys(ALL_SETTINGS) as SettingName[]).map((name) =>
    (ALL_SETTINGS[name] as Setting<SettingValues[typeof name]>).watch((value) => callback(name, value)),
  );
  return () => stops.forEach((stop) => stop());
}

/** Puts every setting back to its default. */
export async function resetAllSettings(): Promise<void> {
  await Promise.all(Object.values(ALL_SETTINGS).map((setting) => (setting as Setting<unknown>).set(setting.spec.fallback)));
}

/** Is PhysioLens off on this site? A listed site also covers its subdomains ("nhs.uk" covers "www.nhs.uk"). */
export function isSiteDisabled(hostname: string, sites: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return sites.some((site) => {
    const listed = site.toLowerCase().trim();
    return listed !== '' && (host === listed || host.endsWith(`.${listed}`));
  });
}
