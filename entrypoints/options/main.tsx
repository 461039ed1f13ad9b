import { render } from 'preact';
import '../../components/ui.css';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { createPageConnector } from '../../lib/platform/connector';
import { OptionsApp } from './App';

render(<OptionsApp kb={BUNDLED_KB} connector={createPageConnector()} />, document.getElementById('app')!);
