import { useState } from 'preact/hooks';
import type { ExtensionConnector } from '../lib/platform/connector';
import { siteOf, whyNotScanned, withSiteOff, withSiteOn } from '../lib/platform/page-access';
import { isSiteDisabled, type SettingValues } from '../lib/settings/settings';
import type { CurrentPage } from './useCurrentPage';

export interface PageStatusProps {
  readonly page: CurrentPage;
  readonly settings: SettingValues | undefined;
  readonly connector: ExtensionConnector;
}

/**
 * Is highlighting on for the page in the active tab, and if nothing can be highlighted there, why,
 * in plain words, with the one thing that fixes it when there is one: the site switch, a button
 * that asks for site access, or a reload.
 */
export function PageStatus({ page, settings, connector }: PageStatusProps) {
  const [granted, setGranted] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!page.known || !settings) return <div class="page-status" aria-busy="true" />;

  const { access, tab, summary } = page;
  const reason = whyNotScanned(access);
  const fail = (what: string) => () => setError(what);
  const reload = tab ? (
    <button type="button" class="secondary" onClick={() => connector.reloadTab(tab.id).catch(fail('The page could not be reloaded.'))}>
      Reload the page
    </button>
  ) : null;

  let body;
  if (reason) {
    body = <p>{reason}</p>;
  } else if (access.kind === 'file' && page.allowed === false) {
    body = (
      <p>
        To highlight terms in files on your computer, turn on “Allow access to file URLs” for PhysioLens in the browser’s extension
        settings.
      </p>
    );
  } else if (access.kind === 'web' && page.allowed === false) {
    const site = siteOf(access.host);
    body = granted ? (
      <>
        <p>PhysioLens may now read {site}. Reload the page to highlight its terms.</p>
        {reload}
      </>
    ) : (
      <>
        <p>You haven’t allowed PhysioLens to read {site}, so nothing is highlighted here.</p>
        <div>
          <button
            type="button"
            onClick={() =>
              connector.requestSiteAccess(access.origin).then((yes) => {
                setGranted(yes);
                if (yes) page.recheck();
              }, fail('The browser did not ask for access.'))
            }
          >
            Allow on {site}
          </button>
        </div>
      </>
    );
  } else if (!settings.highlightEnabled) {
    body = (
      <>
        <p>Highlighting is off on every site.</p>
        <div>
          <button type="button" class="secondary" onClick={() => connector.saveSetting('highlightEnabled', true).catch(fail('The setting could not be saved.'))}>
            Turn highlighting on
          </button>
        </div>
      </>
    );
  } else {
    const host = access.kind === 'web' ? access.host : undefined;
    const siteOff = host !== undefined && isSiteDisabled(host, settings.disabledSites);
    const toggleSite = (on: boolean): void => {
      if (!host) return;
      const sites = on ? withSiteOn(settings.disabledSites, host) : withSiteOff(settings.disabledSites, host);
      connector.saveSetting('disabledSites', sites).catch(fail('The setting could not be saved.'));
    };
    const count = summary.terms.length;
    const state = siteOff
      ? 'Off on this site: nothing is highlighted.'
      : summary.status === 'scanning' || (summary.status === 'none' && tab?.loading)
        ? 'Looking for terms…'
        : summary.status === 'none'
          ? 'No terms reported for this page yet. If it was open before PhysioLens was installed or updated, reload it.'
          : count === 0
            ? 'On. No physical-therapy terms found on this page.'
            : `On. ${count} ${count === 1 ? 'term' : 'terms'} found on this page.`;
    body = (
      <>
        {host ? (
          <label class="switch-row">
            <input type="checkbox" role="switch" checked={!siteOff} aria-describedby="page-state" onChange={(event) => toggleSite((event.target as HTMLInputElement).checked)} />
            Highlight terms on {siteOf(host)}
          </label>
        ) : null}
        <p id="page-state" class="muted">
          {state}
        </p>
        {!siteOff && summary.status === 'none' && !tab?.loading ? <div>{reload}</div> : null}
      </>
    );
  }
  return (
    <section class="page-status notice" aria-label="Page status">
      {body}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
