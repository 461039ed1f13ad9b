import type { ComponentChildren, Ref } from 'preact';
import type { Entry } from '../lib/kb/types';
import { CATEGORY_LABELS, REGION_LABELS, type Category, type Region } from '../lib/kb/vocabulary';
import { MiniBodyMap, type MapRegion } from './BodyMap';
import { EntryLink } from './EntryList';
import { RichText } from './RichText';

export interface EntryViewProps {
  readonly entry: Entry;
  readonly onOpenEntry: (id: string) => void;
  /** Names of entries, for related links; entries it does not know are left out. */
  readonly nameOf: (id: string) => string | undefined;
  /** The popup shows the summary and main sections only. */
  readonly compact?: boolean;
  /** Buttons under the summary ("Open in side panel"). */
  readonly actions?: ComponentChildren;
  /** When given, the category and region chips are buttons that browse them. */
  readonly onOpenCategory?: (category: Category) => void;
  readonly onOpenRegion?: (region: MapRegion) => void;
  /** The heading, for moving focus to it when the entry opens. */
  readonly headingRef?: Ref<HTMLHeadingElement>;
}

const COMPACT_SECTIONS = new Set(['What it is', 'How it feels', 'How physical therapy helps', 'When to get help']);
export const GET_HELP = 'When to get help';

function readableDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00`);
  return Number.isNaN(date.getTime()) ? isoDate : date.toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric' });
}

/** An entry: name, also-known-as, category and regions, every section, related entries, references, codes, review date. */
export function EntryView({ entry, onOpenEntry, nameOf, compact = false, actions, onOpenCategory, onOpenRegion, headingRef }: EntryViewProps) {
  const aliases = [
    ...new Set(entry.terms.map((term) => term.text).filter((text) => text.toLowerCase() !== entry.name.toLowerCase())),
  ].slice(0, compact ? 4 : 12);
  const sections = compact ? entry.sections.filter((section) => COMPACT_SECTIONS.has(section.title)) : entry.sections;
  const related = entry.related.filter((id) => nameOf(id) !== undefined);
  const regions = entry.regions.filter((region): region is MapRegion => region !== 'whole-body');
  const headingId = `entry-${entry.id}`;
  return (
    <article class="entry" aria-labelledby={headingId}>
      <header class="entry-header">
        <div class="entry-heading">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {entry.name}
          </h2>
          {aliases.length > 0 ? <p class="aliases">Also called: {aliases.join(', ')}</p> : null}
          <ul class="entry-meta" aria-label="Kind and body regions">
            <li>
              {onOpenCategory ? (
                <button type="button" class="chip" onClick={() => onOpenCategory(entry.category)} aria-label={`${CATEGORY_LABELS[entry.category]}: browse all`}>
                  {CATEGORY_LABELS[entry.category]}
                </button>
              ) : (
                <span class="chip">{CATEGORY_LABELS[entry.category]}</span>
              )}
            </li>
            {entry.regions.map((region: Region) => (
              <li key={region}>
                {onOpenRegion && region !== 'whole-body' ? (
                  <button type="button" class="chip" onClick={() => onOpenRegion(region)} aria-label={`${REGION_LABELS[region]}: browse this region`}>
                    {REGION_LABELS[region]}
                  </button>
                ) : (
                  <span class="chip">{REGION_LABELS[region]}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
        {!compact && regions.length > 0 ? <MiniBodyMap regions={regions} /> : null}
      </header>
      <p class="summary">{entry.summary}</p>
      {actions ? <div class="entry-actions">{actions}</div> : null}
      {sections.map((section) => (
        <section key={section.title} class={section.title === GET_HELP ? 'section get-help' : 'section'} aria-label={section.title}>
          <h3>{section.title}</h3>
          <RichText blocks={section.blocks} onOpenEntry={onOpenEntry} />
        </section>
      ))}
      {related.length > 0 ? (
        <nav class="related" aria-label="Related entries">
          <h3>Related</h3>
          <ul>
            {related.map((id) => (
              <li key={id}>
                <EntryLink id={id} onOpen={onOpenEntry}>
                  {nameOf(id)}
                </EntryLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {!compact ? (
        <footer class="entry-footer">
          <h3>References</h3>
          <ul class="references">
            {entry.references.map((reference) => (
              <li key={reference.url}>
                <a href={reference.url} target="_blank" rel="noopener noreferrer">
                  {reference.label}
                  <span class="visually-hidden"> (opens in a new tab)</span>
                </a>{' '}
                <span class="muted">({reference.kind === 'patient' ? 'for patients' : 'for professionals'})</span>
              </li>
            ))}
          </ul>
          {entry.codes.icd10cm && entry.codes.icd10cm.length > 0 ? (
            <p class="muted">
              Codes (ICD-10-CM): <span class="codes">{entry.codes.icd10cm.join(', ')}</span>
            </p>
          ) : null}
          {entry.evidence ? <p class="muted">Evidence for physical therapy: {entry.evidence}.</p> : null}
          <p class="muted">
            Reviewed <time dateTime={entry.reviewed}>{readableDate(entry.reviewed)}</time>. Not medical advice: talk to a clinician about your own care.
          </p>
        </footer>
      ) : (
        <p class="muted">Not medical advice: talk to a clinician about your own care.</p>
      )}
    </article>
  );
}
