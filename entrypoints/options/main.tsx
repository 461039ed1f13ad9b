import { render } from 'preact';
import '../../components/ui.css';
import { highlightEnabled } from '../../lib/settings/settings';
import { OptionsApp } from './App';

render(<OptionsApp highlightEnabled={highlightEnabled} />, document.getElementById('app')!);
