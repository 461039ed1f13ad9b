// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyMap, MAP_REGIONS, MiniBodyMap, type MapRegion } from '../../components/BodyMap';
import { BROWSE_ORDER } from '../../components/EntryList';
import { RegionBrowser } from '../../components/RegionBrowser';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { CATEGORIES, REGION_LABELS } from '../../lib/kb/vocabulary';

afterEach(cleanup);

function Browser({ onOpen = () => undefined }: { onOpen?: (id: string) => void }) {
  const [region, setRegion] = useState<MapRegion | undefined>();
  return <RegionBrowser entries={BUNDLED_KB.entries} selected={region} onSelect={setRegion} onOpen={onOpen} />;
}

describe('the body map', () => {
  it('has a named button for every region but whole-body, in one group', () => {
    render(<BodyMap onSelect={() => undefined} />);
    const map = screen.getByRole('group', { name: 'Body map' });
    const names = within(map)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    expect(names).toEqual(MAP_REGIONS.map((region) => REGION_LABELS[region]));
    expect(names).not.toContain(REGION_LABELS['whole-body']);
    expect(MAP_REGIONS).toHaveLength(11);
  });

  it('says that left and right are the figure’s own', () => {
    render(<BodyMap onSelect={() => undefined} />);
    const map = screen.getByRole('group', { name: 'Body map' });
    expect(map.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(map.getAttribute('aria-describedby')!)!.textContent).toMatch(/figure’s own right and left/);
  });

  it('is one tab stop; the arrow keys, Home and End move between regions', () => {
    render(<BodyMap onSelect={() => undefined} />);
    const head = screen.getByRole('button', { name: 'Head' });
    expect(screen.getAllByRole('button').filter((button) => button.getAttribute('tabindex') === '0')).toEqual([head]);
    head.focus();
    fireEvent.keyDown(head, { key: 'ArrowDown' });
    const neck = screen.getByRole('button', { name: 'Neck' });
    expect(document.activeElement).toBe(neck);
    expect(neck.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(neck, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(head);
    fireEvent.keyDown(head, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ankle and foot' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(head);
    fireEvent.keyDown(head, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ankle and foot' }));
  });

  it('chooses a region with a click, Enter or Space, and marks it pressed', () => {
    const chosen: string[] = [];
    const { rerender } = render(<BodyMap onSelect={(region) => chosen.push(region)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Knee' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Low back' }), { key: 'Enter' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Hip' }), { key: ' ' });
    expect(chosen).toEqual(['knee', 'low-back', 'hip']);
    rerender(<BodyMap selected="hip" onSelect={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Hip', pressed: true })).toBeTruthy();
    expect(screen.getAllByRole('button', { pressed: false })).toHaveLength(MAP_REGIONS.length - 1);
  });
});

describe('browsing by region', () => {
  it('lists the chosen region’s conditions first, then treatments, tests and anatomy, and says so in a live region', () => {
    render(<Browser />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Knee' }));
    expect(status.textContent).toMatch(/^Knee: \d+ entries \(\d+ condition/);
    const list = screen.getByRole('region', { name: 'Knee' });
    const groups = within(list)
      .getAllByRole('heading', { level: 4 })
      .map((heading) => heading.textContent!.replace(/ \(\d+\)$/, ''));
    expect(groups[0]).toBe('Condition');
    expect(groups.indexOf('Treatment')).toBeLessThan(groups.indexOf('Test or assessment'));
    expect(groups.indexOf('Test or assessment')).toBeLessThan(groups.indexOf('Anatomy'));
    const names = within(list)
      .getAllByRole('link')
      .map((link) => link.textContent);
    const knee = BUNDLED_KB.entries.filter((entry) => entry.regions.includes('knee'));
    expect(names.sort()).toEqual(knee.map((entry) => entry.name).sort());
  });

  it('opens an entry from the list', () => {
    const opened: string[] = [];
    render(<Browser onOpen={(id) => opened.push(id)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Knee' }));
    fireEvent.click(within(screen.getByRole('region', { name: 'Knee' })).getByRole('link', { name: 'Meniscus tear' }));
    expect(opened).toEqual(['meniscus-tear']);
  });

  it('lists whole-body entries under the map, not on it', () => {
    render(<Browser />);
    const wholeBody = BUNDLED_KB.entries.filter((entry) => entry.regions.includes('whole-body'));
    expect(screen.getByText(new RegExp(`Whole body: not one place \\(${wholeBody.length}\\)`))).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Whole body' })).toBeNull();
  });

  it('lists every kind of entry somewhere', () => {
    expect([...BROWSE_ORDER].sort()).toEqual([...CATEGORIES].sort());
  });
});

describe('the small map on an entry', () => {
  it('marks the entry’s regions and names them', () => {
    render(<MiniBodyMap regions={['knee', 'hip', 'whole-body']} />);
    const image = screen.getByRole('img');
    expect(image.getAttribute('aria-label')).toBe('Body map: Hip, Knee marked');
    expect([...image.querySelectorAll('[data-region]')].map((group) => group.getAttribute('data-region'))).toEqual(['hip', 'knee']);
  });

  it('is left out for whole-body entries', () => {
    render(<MiniBodyMap regions={['whole-body']} />);
    expect(screen.queryByRole('img')).toBeNull();
  });
});
