import { render } from 'preact';
import '../../components/ui.css';
import './popup.css';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { createPageConnector } from '../../lib/platform/connector';
import { PopupApp } from './App';

const root = document.getElementById('app')!;
void createPageConnector().then((connector) => render(<PopupApp kb={BUNDLED_KB} connector={connector} />, root));
