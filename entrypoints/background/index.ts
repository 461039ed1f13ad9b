import { defineBackground } from 'wxt/utils/define-background';
import { BUNDLED_KB } from '../../lib/kb/bundled';
import { listenForMessages } from '../../lib/messaging/messages';
import { configureSidePanel } from '../../lib/platform/side-panel';
import { createHandlers } from './handlers';

export default defineBackground({
  type: 'module',
  main() {
    listenForMessages(createHandlers(BUNDLED_KB));
    configureSidePanel().catch((error: unknown) => console.warn('PhysioLens: side panel setup failed', error));
  },
});
