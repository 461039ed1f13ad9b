// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryView } from '../../components/EntryView';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import type { Entry } from '../../lib/kb/types';

afterEach(cleanup);

const byId = new Map(BUNDLED_KB.entries.map((entry) => [entry.id, entry]));
const nameOf = (id: string) => byId.get(id)?.name;
const entry = (id: string): Entry => byId.get(id)!;

describe('an entry', () => {
  it('shows its name, other names, category and regions', () => {
    render(<EntryView entry={entry('tennis-elbow')} onOpenEntry={() => undefined} nameOf={nameOf} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Tennis elbow' })).toBeTruthy();
    expect(screen.getByText(/Also called: lateral epicondylitis/)).toBeTruthy();
    const meta = screen.getByRole('list', { name: 'Kind and body regions' });
    expect(within(meta).getByText('Condition')).toBeTruthy();
    expect(within(meta).getByText('Elbow')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Body map: Elbow marked' })).toBeTruthy();
  });

  it('shows every section, with "When to get help" set apart', () => {
    const carpal = entry('carpal-tunnel-syndrome');
    render(<EntryView entry={carpal} onOpenEntry={() => undefined} nameOf={nameOf} />);
    for (const section of carpal.sections) expect(screen.getByRole('region', { name: section.title })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'When to get help' }).classList.contains('get-help')).toBe(true);
    expect(screen.getByRole('region', { name: 'What it is' }).classList.contains('get-help')).toBe(false);
  });

  it('follows related links', () => {
    const opened: string[] = [];
    const carpal = entry('carpal-tunnel-syndrome');
    render(<EntryView entry={carpal} onOpenEntry={(id) => opened.push(id)} nameOf={nameOf} />);
    const related = within(screen.getByRole('navigation', { name: 'Related entries' })).getAllByRole('link');
    expect(related.map((link) => link.textContent)).toEqual(carpal.related.filter((id) => byId.has(id)).map(nameOf));
    fireEvent.click(related[0]!);
    expect(opened).toEqual([carpal.related[0]]);
  });

  it('opens references in a new tab, and shows codes and the review date', () => {
    const sciatica = entry('sciatica');
    render(<EntryView entry={sciatica} onOpenEntry={() => undefined} nameOf={nameOf} />);
    for (const reference of sciatica.references) {
      const link = screen.getByRole('link', { name: new RegExp(reference.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
      expect(link.getAttribute('href')).toBe(reference.url);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toContain('noopener');
    }
    if (sciatica.codes.icd10cm) expect(screen.getByText(/ICD-10-CM/).textContent).toContain(sciatica.codes.icd10cm[0]);
    expect(screen.getByText(/^Reviewed/).querySelector('time')!.getAttribute('datetime')).toBe(sciatica.reviewed);
  });

  it('in the popup, shows the main sections only, with the actions it is given', () => {
    const carpal = entry('carpal-tunnel-syndrome');
    render(<EntryView entry={carpal} compact onOpenEntry={() => undefined} nameOf={nameOf} actions={<button type="button">Open in side panel</button>} />);
    expect(screen.getByRole('button', { name: 'Open in side panel' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Causes' })).toBeNull();
    expect(screen.getByRole('region', { name: 'When to get help' })).toBeTruthy();
    expect(screen.queryByText('References')).toBeNull();
  });

  it('browses its category and regions when asked to', () => {
    const browsed: string[] = [];
    render(
      <EntryView
        entry={entry('tennis-elbow')}
        onOpenEntry={() => undefined}
        nameOf={nameOf}
        onOpenCategory={(category) => browsed.push(category)}
        onOpenRegion={(region) => browsed.push(region)}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Condition: browse all' }));
    fireEvent.click(screen.getByRole('button', { name: 'Elbow: browse this region' }));
    expect(browsed).toEqual(['condition', 'elbow']);
  });
});
