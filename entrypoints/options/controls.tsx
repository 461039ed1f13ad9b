import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../lib/kb/vocabulary';
import { parseSite, siteOf, withSiteOff } from '../../lib/platform/page-access';
import { HOVER_DELAY_RANGE, isSiteDisabled, type SettingName, type SettingValues } from '../../lib/settings/settings';
import { SETTING_TEXTS } from '../../lib/settings/texts';

export interface ControlContext {
  /** The web site the user was last on, for "turn it off" in one click. */
  readonly lastHost?: string;
  readonly nameOf: (entryId: string) => string | undefined;
}

export interface ControlProps<K extends SettingName> {
  readonly name: K;
  readonly value: SettingValues[K];
  readonly onChange: (value: SettingValues[K]) => void;
  readonly context: ControlContext;
}

type NamesOf<T> = { [K in SettingName]: SettingValues[K] extends T ? K : never }[SettingName];

/** A setting with one control: its label is the control's label. */
function SingleSetting({ name, description, descriptionId, children }: { name: SettingName; description: string; descriptionId: string; children: ComponentChildren }) {
  return (
    <div class="setting" data-setting={name}>
      {children}
      <p id={descriptionId} class="muted">
        {description}
      </p>
    </div>
  );
}

/** A setting with several controls: a fieldset named by the setting's label. */
function GroupSetting({ name, children }: { name: SettingName; children: ComponentChildren }) {
  const descriptionId = useId();
  return (
    <fieldset class="setting" data-setting={name} aria-describedby={descriptionId}>
      <legend>{SETTING_TEXTS[name].label}</legend>
      <p id={descriptionId} class="muted">
        {SETTING_TEXTS[name].description}
      </p>
      {children}
    </fieldset>
  );
}

export function SwitchControl({ name, value, onChange }: ControlProps<NamesOf<boolean>>) {
  const descriptionId = useId();
  return (
    <SingleSetting name={name} description={SETTING_TEXTS[name].description} descriptionId={descriptionId}>
      <label class="switch-row">
        <input type="checkbox" role="switch" checked={value} aria-describedby={descriptionId} onChange={(event) => onChange((event.target as HTMLInputElement).checked)} />
        {SETTING_TEXTS[name].label}
      </label>
    </SingleSetting>
  );
}

export interface Choice<T> {
  readonly value: T;
  readonly label: string;
  /** A class that shows the choice on a sample word (highlight styles). */
  readonly preview?: string;
}

export function ChoiceControl<T extends string | boolean>({
  name,
  value,
  onChange,
  choices,
}: {
  name: SettingName;
  value: T;
  onChange: (value: T) => void;
  choices: readonly Choice<T>[];
}) {
  const group = useId();
  return (
    <GroupSetting name={name}>
      <div class="choices">
        {choices.map((choice) => (
          <label key={String(choice.value)} class="choice">
            <input type="radio" name={group} checked={value === choice.value} onChange={() => onChange(choice.value)} />
            <span class="choice-label">
              {choice.label}
              {choice.preview ? (
                <span class="preview" aria-hidden="true">
                  Living with <span class={choice.preview}>sciatica</span>
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
    </GroupSetting>
  );
}

export function DelayControl({ name, value, onChange }: ControlProps<'hoverDelayMs'>) {
  const id = useId();
  const descriptionId = useId();
  // The value shown while the slider moves; saved when it is let go.
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const words = `${draft} milliseconds${draft >= 1000 ? ` (${draft / 1000} s)` : ''}`;
  return (
    <SingleSetting name={name} description={SETTING_TEXTS[name].description} descriptionId={descriptionId}>
      <label for={id} class="setting-title">
        {SETTING_TEXTS[name].label}
      </label>
      <div class="range-row">
        <input
          id={id}
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={draft}
          aria-valuetext={words}
          aria-describedby={descriptionId}
          onInput={(event) => setDraft(Number((event.target as HTMLInputElement).value))}
          onChange={(event) => onChange(Number((event.target as HTMLInputElement).value))}
        />
        <output for={id}>{draft} ms</output>
      </div>
    </SingleSetting>
  );
}

export function CategoriesControl({ name, value, onChange }: ControlProps<'shownCategories'>) {
  const toggle = (category: Category, on: boolean): void =>
    onChange(CATEGORIES.filter((known) => (known === category ? on : value.includes(known))));
  return (
    <GroupSetting name={name}>
      <div class="choices">
        {CATEGORIES.map((category) => (
          <label key={category} class="choice">
            <input type="checkbox" checked={value.includes(category)} onChange={(event) => toggle(category, (event.target as HTMLInputElement).checked)} />
            {CATEGORY_LABELS[category]}
          </label>
        ))}
      </div>
      {value.length === 0 ? <p class="muted">With no kind chosen, nothing is highlighted.</p> : null}
    </GroupSetting>
  );
}

export function SitesControl({ name, value, onChange, context }: ControlProps<'disabledSites'>) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState('');
  const add = (site: string): void => {
    setProblem('');
    onChange(withSiteOff(value, site));
  };
  const lastSite = context.lastHost ? siteOf(context.lastHost) : undefined;
  return (
    <GroupSetting name={name}>
      {value.length === 0 ? (
        <p>PhysioLens is on for every site.</p>
      ) : (
        <ul class="site-list" aria-label="Sites where PhysioLens is off">
          {value.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="secondary small" aria-label={`Remove ${site}`} onClick={() => onChange(value.filter((listed) => listed !== site))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {lastSite && !isSiteDisabled(context.lastHost!, value) ? (
        <p>
          <button type="button" class="secondary" onClick={() => add(context.lastHost!)}>
            Turn off on {lastSite}
          </button>{' '}
          <span class="muted">(the site you were just on)</span>
        </p>
      ) : null}
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const site = parseSite(typed);
          if (!site) {
            setProblem(`“${typed.trim()}” is not a site name. Type one like nhs.uk or www.example.com.`);
            return;
          }
          add(site);
          setTyped('');
        }}
      >
        <label for={inputId}>Add a site</label>
        <input id={inputId} type="text" inputMode="url" autoComplete="off" spellcheck={false} placeholder="example.com" value={typed} onInput={(event) => setTyped((event.target as HTMLInputElement).value)} />
        <button type="submit">Add</button>
      </form>
      <p class="error" aria-live="polite">
        {problem}
      </p>
    </GroupSetting>
  );
}

export function MutedTermsControl({ name, value, onChange, context }: ControlProps<'mutedTerms'>) {
  return (
    <GroupSetting name={name}>
      {value.length === 0 ? (
        <p class="muted">No muted terms. You can mute a term from its tooltip on a page.</p>
      ) : (
        <ul class="site-list" aria-label="Muted terms">
          {value.map((id) => {
            const termName = context.nameOf(id) ?? id;
            return (
              <li key={id}>
                <span>{termName}</span>
                <button type="button" class="secondary small" aria-label={`Restore ${termName}`} onClick={() => onChange(value.filter((muted) => muted !== id))}>
                  Restore
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </GroupSetting>
  );
}
