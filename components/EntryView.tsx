import type { Entry } from '../lib/kb/types';
import { CATEGORY_LABELS, REGION_LABELS } from '../lib/kb/vocabulary';
import { RichText } from './RichText';

export interface EntryViewProps {
  readonly entry: Entry;
  readonly onOpenEntry: (id: string) => void;
  /** Names of entries, for related links. */
  readonly nameOf: (id: string) => string | undefined;
  /** The popup shows the main sections only. */
  readonly compact?: boolean;
}

const COMPACT_SECTIONS = new Set(['What it is', 'How it feels', 'How physical therapy helps', 'When to get help']);

/** An entry: name, also-known-as, category, every section, related entries and references. */
export function EntryView({ entry, onOpenEntry, nameOf, compact = false }: EntryViewProps) {
  const aliases = entry.terms
    .map((term) => term.text)
    .filter((text) => text.toLowerCase() !== entry.name.toLowerCase())
    .slice(0, compact ? 4 : 12);
  const sections = compact ? entry.sections.filter((section) => COMPACT_SECTIONS.has(section.title)) : entry.sections;
  const related = entry.related.filter((id) => nameOf(id) !== undefined);
  return (
    <article class="entry" aria-labelledby={`entry-${entry.id}`}>
      <header class="entry-header">
        <h2 id={`entry-${entry.id}`}>{entry.name}</h2>
        <p class="entry-meta">
          <span class="chip">{CATEGORY_LABELS[entry.category]}</span>
          {entry.regions
            .filter((region) => region !== 'whole-body')
            .map((region) => (
              <span key={region} class="chip chip-region">
                {REGION_LABELS[region]}
              </span>
            ))}
        </p>
        {aliases.length > 0 ? <p class="aliases">Also called: {aliases.join(', ')}</p> : null}
      </header>
      <p class="summary">{entry.summary}</p>
      {sections.map((section) => (
        <section key={section.title} class={section.title === 'When to get help' ? 'section get-help' : 'section'} aria-label={section.title}>
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
                <a
                  href={`#entry/${id}`}
                  class="entry-link"
                  onClick={(event) => {
                    event.preventDefault();
                    onOpenEntry(id);
                  }}
                >
                  {nameOf(id)}
                </a>
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
                </a>{' '}
                <span class="muted">({reference.kind === 'patient' ? 'for patients' : 'for professionals'})</span>
              </li>
            ))}
          </ul>
          {entry.codes.icd10cm ? <p class="muted">ICD-10-CM: {entry.codes.icd10cm.join(', ')}</p> : null}
          <p class="muted">Reviewed {entry.reviewed}. Not medical advice: talk to a clinician about your own care.</p>
        </footer>
      ) : null}
    </article>
  );
}
