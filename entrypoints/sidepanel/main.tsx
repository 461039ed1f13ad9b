import { render } from 'preact';
import '../../components/ui.css';
import { HOME, routeFromHash } from '../../components/navigation';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { createPageConnector, pinnedTabId } from '../../lib/platform/connector';
import { SidePanelApp } from './App';

render(
  <SidePanelApp
    kb={BUNDLED_KB}
    connector={createPageConnector({ tabId: pinnedTabId(location.search) })}
    initialRoute={routeFromHash(location.hash) ?? HOME}
  />,
  document.getElementById('app')!,
);
