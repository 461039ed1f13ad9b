import { useEffect, useState } from 'preact/hooks';
import type { Setting } from '../../lib/settings/settings';

export interface OptionsAppProps {
  readonly highlightEnabled: Setting<boolean>;
}

/** Every setting, each with a short explanation. */
export function OptionsApp({ highlightEnabled }: OptionsAppProps) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void highlightEnabled.get().then(setEnabled);
    return highlightEnabled.watch(setEnabled);
  }, [highlightEnabled]);

  const toggle = (next: boolean): void => {
    setEnabled(next);
    highlightEnabled.set(next).catch(() => setError('The setting could not be saved.'));
  };

  return (
    <main class="app options">
      <h1>PhysioLens settings</h1>
      {enabled === null ? (
        <p role="status">Loading settings…</p>
      ) : (
        <div class="setting">
          <label>
            <input
              type="checkbox"
              role="switch"
              checked={enabled}
              aria-describedby="highlight-help"
              onChange={(event) => toggle((event.target as HTMLInputElement).checked)}
            />{' '}
            {highlightEnabled.spec.label}
          </label>
          <p id="highlight-help" class="muted">
            {highlightEnabled.spec.description}
          </p>
        </div>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </main>
  );
}
