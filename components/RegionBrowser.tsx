import { useMemo } from 'preact/hooks';
import type { Entry } from '../lib/kb/types';
import { CATEGORY_LABELS, REGION_LABELS } from '../lib/kb/vocabulary';
import { BodyMap, type MapRegion } from './BodyMap';
import { GroupedEntryList, groupByCategory } from './EntryList';

export interface RegionBrowserProps {
  readonly entries: readonly Entry[];
  readonly selected?: MapRegion;
  readonly onSelect: (region: MapRegion) => void;
  readonly onOpen: (id: string) => void;
}

export function entriesInRegion(entries: readonly Entry[], region: MapRegion | 'whole-body'): Entry[] {
  return entries.filter((entry) => entry.regions.includes(region));
}

/** "Knee: 18 Condition, 9 Treatment, …", the line read out when a region is chosen. */
function regionSummary(region: MapRegion, entries: readonly Entry[]): string {
  const groups = groupByCategory(entries).map((group) => `${group.entries.length} ${CATEGORY_LABELS[group.category].toLowerCase()}`);
  return `${REGION_LABELS[region]}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} (${groups.join(', ')}).`;
}

/**
 * Browse by where it hurts: the body map, the chosen region's entries (conditions first), and the
 * whole-body entries, which belong to no one place, under the map.
 */
export function RegionBrowser({ entries, selected, onSelect, onOpen }: RegionBrowserProps) {
  const inRegion = useMemo(() => (selected ? entriesInRegion(entries, selected) : []), [entries, selected]);
  const wholeBody = useMemo(() => entriesInRegion(entries, 'whole-body'), [entries]);
  return (
    <section class="block region-browser" aria-labelledby="where-it-hurts">
      <h2 id="where-it-hurts">Where does it hurt?</h2>
      <BodyMap selected={selected} onSelect={onSelect} label="Body map: choose where it hurts" />
      <p role="status" class="region-status muted">
        {selected ? regionSummary(selected, inRegion) : ''}
      </p>
      {selected ? (
        <section class="region-entries" aria-labelledby="region-entries-title">
          <h3 id="region-entries-title">{REGION_LABELS[selected]}</h3>
          <GroupedEntryList entries={inRegion} onOpen={onOpen} level={4} />
        </section>
      ) : null}
      <details class="whole-body">
        <summary>
          {REGION_LABELS['whole-body']}: not one place ({wholeBody.length})
        </summary>
        <GroupedEntryList entries={wholeBody} onOpen={onOpen} level={4} />
      </details>
    </section>
  );
}
