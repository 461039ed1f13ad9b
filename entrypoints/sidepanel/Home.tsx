import { useMemo } from 'preact/hooks';
import type { MapRegion } from '../../components/BodyMap';
import { letterLabel, letterOf, LETTERS } from '../../components/navigation';
import { OnThisPage } from '../../components/OnThisPage';
import { RegionBrowser } from '../../components/RegionBrowser';
import type { CurrentPage } from '../../components/useCurrentPage';
import type { Entry } from '../../lib/kb/types';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../lib/kb/vocabulary';
import { siteOf, whyNotScanned } from '../../lib/platform/page-access';
import { isSiteDisabled, type SettingValues } from '../../lib/settings/settings';

export interface HomeProps {
  readonly entries: readonly Entry[];
  readonly byId: (id: string) => Entry | undefined;
  readonly page: CurrentPage;
  readonly settings: SettingValues | undefined;
  readonly region?: MapRegion;
  readonly onSelectRegion: (region: MapRegion) => void;
  readonly onOpenEntry: (id: string) => void;
  readonly onOpenCategory: (category: Category) => void;
  readonly onOpenLetter: (letter: string) => void;
  readonly onShowOnPage: (id: string) => void;
  readonly feedback?: string;
}

/** The panel's start: what is on this page, the body map, every category and an A–Z index. */
export function Home({ entries, byId, page, settings, region, onSelectRegion, onOpenEntry, onOpenCategory, onOpenLetter, onShowOnPage, feedback }: HomeProps) {
  const perCategory = useMemo(() => countBy(entries, (entry) => entry.category), [entries]);
  const perLetter = useMemo(() => countBy(entries, (entry) => letterOf(entry.name)), [entries]);
  const reason = page.known ? whyNotScanned(page.access) : undefined;
  return (
    <>
      {reason ? (
        <section class="block on-this-page" aria-labelledby="on-this-page-title">
          <h2 id="on-this-page-title">On this page</h2>
          <p class="muted">{reason}</p>
        </section>
      ) : page.known && page.tab ? (
        <OnThisPage terms={page.summary.terms} byId={byId} onRead={onOpenEntry} onShow={onShowOnPage} primary="read" feedback={feedback} emptyMessage={whyNoTerms(page, settings)} />
      ) : null}
      <RegionBrowser entries={entries} selected={region} onSelect={onSelectRegion} onOpen={onOpenEntry} />
      <section class="block" aria-labelledby="categories-title">
        <h2 id="categories-title">Browse by kind</h2>
        <ul class="tiles">
          {CATEGORIES.map((category) => (
            <li key={category}>
              <button type="button" onClick={() => onOpenCategory(category)}>
                {CATEGORY_LABELS[category]} <span class="count">({perCategory.get(category) ?? 0})</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section class="block" aria-labelledby="a-z-title">
        <h2 id="a-z-title">A–Z</h2>
        <ul class="letters">
          {LETTERS.map((letter) => {
            const count = perLetter.get(letter) ?? 0;
            return (
              <li key={letter}>
                <button type="button" disabled={count === 0} aria-label={`${letterLabel(letter)}: ${count} ${count === 1 ? 'entry' : 'entries'}`} onClick={() => onOpenLetter(letter)}>
                  {letterLabel(letter)}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

function countBy<K>(entries: readonly Entry[], keyOf: (entry: Entry) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const entry of entries) counts.set(keyOf(entry), (counts.get(keyOf(entry)) ?? 0) + 1);
  return counts;
}

/** Why the list of terms on the page is empty, as far as the panel can tell. */
function whyNoTerms(page: CurrentPage, settings: SettingValues | undefined): string {
  const host = page.access.kind === 'web' ? page.access.host : undefined;
  if (settings && !settings.highlightEnabled) return 'Highlighting is off. Turn it on from the toolbar popup or the settings.';
  if (host && settings && isSiteDisabled(host, settings.disabledSites)) return `PhysioLens is off on ${siteOf(host)}. Turn it on from the toolbar popup.`;
  if (page.allowed === false) return 'PhysioLens may not read this page. Allow it from the toolbar popup.';
  if (page.summary.status === 'none' || page.summary.status === 'scanning') return 'No terms reported for this page yet.';
  return 'No physical-therapy terms found on this page.';
}
