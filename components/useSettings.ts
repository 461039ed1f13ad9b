import { useEffect, useState } from 'preact/hooks';
import type { ExtensionConnector } from '../lib/platform/connector';
import type { SettingValues, Theme } from '../lib/settings/settings';

/** Every setting, live: undefined until they are read, then updated on every change. */
export function useSettings(connector: ExtensionConnector): SettingValues | undefined {
  const [values, setValues] = useState<SettingValues | undefined>();
  useEffect(() => {
    let stopped = false;
    // Changes seen before the first read finishes are applied on top of it.
    let early: Partial<SettingValues> = {};
    let read = false;
    const stop = connector.watchSettings((name, value) => {
      if (read) setValues((previous) => (previous ? { ...previous, [name]: value } : previous));
      else early = { ...early, [name]: value };
    });
    connector.readSettings().then(
      (initial) => {
        if (stopped) return;
        read = true;
        setValues({ ...initial, ...early });
      },
      () => undefined,
    );
    return () => {
      stopped = true;
      stop();
    };
  }, [connector]);
  return values;
}

/** The theme setting on <html data-theme>: "system" removes it, so the page follows the system. */
export function applyTheme(theme: Theme | undefined, root: HTMLElement = document.documentElement): void {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

export function useTheme(theme: Theme | undefined): void {
  useEffect(() => applyTheme(theme), [theme]);
}
