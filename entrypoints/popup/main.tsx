import { render } from 'preact';
import '../../components/ui.css';
import './popup.css';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { createPageConnector, pinnedTabId } from '../../lib/platform/connector';
import { PopupApp } from './App';

render(<PopupApp kb={BUNDLED_KB} connector={createPageConnector({ tabId: pinnedTabId(location.search) })} />, document.getElementById('app')!);
