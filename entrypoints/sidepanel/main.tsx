import { render } from 'preact';
import '../../components/ui.css';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { isSidePanelRequest, sidePanelRequest } from '../../lib/platform/side-panel';
import { SidePanelApp } from './App';

/** The panel shows the entry asked for, now and every time it is asked again. */
function subscribeToRequests(onRequest: (entryId: string) => void): () => void {
  const deliver = (value: unknown): void => {
    if (isSidePanelRequest(value)) onRequest(value.entryId);
  };
  void sidePanelRequest.getValue().then(deliver);
  return sidePanelRequest.watch(deliver);
}

render(<SidePanelApp kb={BUNDLED_KB} subscribeToRequests={subscribeToRequests} />, document.getElementById('app')!);
