import kbJson from '../../data/generated/kb.json';
import type { CompiledKb, Entry, EntryCard } from './types';

/**
 * The compiled KB as bundled into the background, popup and side panel (never the content script,
 * which carries only `terms.json`). Built by `npm run kb`.
 */
export const BUNDLED_KB = kbJson as unknown as CompiledKb;

export function entryCard(entry: Entry, byId: (id: string) => Entry | undefined): EntryCard {
  return {
    id: entry.id,
    name: entry.name,
    category: entry.category,
    summary: entry.summary,
    related: entry.related
      .map((id) => byId(id))
      .filter((related): related is Entry => related !== undefined)
      .slice(0, 3)
      .map((related) => ({ id: related.id, name: related.name })),
  };
}
