import type { ExtensionConnector } from '../../lib/platform/connector';

/** A connector that records what the UI asked of the extension. */
export function createFakeConnector(): ExtensionConnector & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    openSidePanel(entryId) {
      calls.push(`openSidePanel:${entryId ?? ''}`);
      return Promise.resolve();
    },
    openOptions() {
      calls.push('openOptions');
      return Promise.resolve();
    },
  };
}
