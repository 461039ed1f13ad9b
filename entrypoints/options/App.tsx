import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSettings, useTheme } from '../../components/useSettings';
import type { CompiledKb } from '../../lib/kb/types';
import type { ExtensionConnector } from '../../lib/platform/connector';
import { ALL_SETTINGS, type SettingName, type SettingValues } from '../../lib/settings/settings';
import { SETTING_TEXTS } from '../../lib/settings/texts';
import { CategoriesControl, ChoiceControl, DelayControl, MutedTermsControl, SitesControl, SwitchControl, type ControlProps } from './controls';

export interface OptionsAppProps {
  readonly kb: CompiledKb;
  readonly connector: ExtensionConnector;
}

/**
 * How each setting is changed. A record over every setting name, so a setting added to
 * ALL_SETTINGS without a control here does not compile (and tests/unit/options.test.tsx checks
 * that each is shown with its label and description).
 */
const CONTROLS: { readonly [K in SettingName]: (props: ControlProps<K>) => ComponentChildren } = {
  highlightEnabled: (props) => <SwitchControl {...props} />,
  disabledSites: (props) => <SitesControl {...props} />,
  shownCategories: (props) => <CategoriesControl {...props} />,
  everyOccurrence: (props) => (
    <ChoiceControl
      {...props}
      choices={[
        { value: false, label: 'Only the first time each term appears' },
        { value: true, label: 'Every time a term appears' },
      ]}
    />
  ),
  highlightStyle: (props) => (
    <ChoiceControl
      {...props}
      choices={[
        { value: 'underline', label: 'Dotted underline', preview: 'preview-underline' },
        { value: 'tint', label: 'Background tint', preview: 'preview-tint' },
        { value: 'none', label: 'None (point at a term to see it)', preview: 'preview-none' },
      ]}
    />
  ),
  tooltipTrigger: (props) => (
    <ChoiceControl
      {...props}
      choices={[
        { value: 'hover', label: 'Pointing at a term' },
        { value: 'modifier', label: 'Pointing while holding Alt (Option on a Mac)' },
        { value: 'click', label: 'Clicking a term' },
      ]}
    />
  ),
  hoverDelayMs: (props) => <DelayControl {...props} />,
  showBadge: (props) => <SwitchControl {...props} />,
  theme: (props) => (
    <ChoiceControl
      {...props}
      choices={[
        { value: 'system', label: 'Same as the system' },
        { value: 'light', label: 'Light' },
        { value: 'dark', label: 'Dark' },
      ]}
    />
  ),
  mutedTerms: (props) => <MutedTermsControl {...props} />,
};

/** Every setting in one page, each with its label and description; changes apply at once. */
export function OptionsApp({ kb, connector }: OptionsAppProps) {
  const settings = useSettings(connector);
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [lastHost, setLastHost] = useState<string | undefined>();
  useTheme(settings?.theme);
  useEffect(() => {
    connector.lastVisitedHost().then(setLastHost, () => undefined);
  }, [connector]);

  const save = <K extends SettingName>(name: K, value: SettingValues[K]): void => {
    setError(null);
    setSaved('');
    connector.saveSetting(name, value).then(
      () => setSaved(`Saved: ${SETTING_TEXTS[name].label}.`),
      () => setError('The setting could not be saved.'),
    );
  };
  const reset = (): void => {
    setConfirming(false);
    connector.resetSettings().then(
      () => setSaved('Every setting is back to its default.'),
      () => setError('The settings could not be reset.'),
    );
  };
  const nameOf = (id: string): string | undefined => kb.entries.find((entry) => entry.id === id)?.name;

  return (
    <main class="app options">
      <h1>PhysioLens settings</h1>
      <p class="muted">Changes apply at once, on open pages too.</p>
      {settings === undefined ? (
        <p>Loading settings…</p>
      ) : (
        (Object.keys(ALL_SETTINGS) as SettingName[]).map((name) => {
          const Control = CONTROLS[name] as (props: ControlProps<SettingName>) => ComponentChildren;
          return (
            <Control
              key={name}
              name={name}
              value={settings[name]}
              onChange={(value: SettingValues[SettingName]) => save(name, value)}
              context={{ lastHost, nameOf }}
            />
          );
        })
      )}
      <div class="option-footer">
        <button type="button" class="secondary" onClick={() => setConfirming(true)} disabled={settings === undefined}>
          Reset to defaults
        </button>
        <p class="muted" aria-live="polite">
          {saved}
        </p>
      </div>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      <ConfirmDialog open={confirming} title="Reset every setting?" confirmLabel="Reset" onConfirm={reset} onCancel={() => setConfirming(false)}>
        <p>Every setting goes back to its default, and the lists of turned-off sites and muted terms are emptied.</p>
      </ConfirmDialog>
    </main>
  );
}
