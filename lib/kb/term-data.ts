import { foldWords } from '../matcher/fold';
import type { FormRecord, TermData } from '../matcher/types';
import type { Entry } from './types';

/** The compact data the content script carries: detectable forms only, cue lists shared. */
export function buildTermData(entries: readonly Entry[]): TermData {
  const cueLists: string[][] = [];
  const cueIndex = new Map<string, number>();
  const forms: FormRecord[] = [];
  const fold = (phrases: readonly string[] | undefined) => phrases?.map((phrase) => foldWords(phrase).join(' '));
  entries.forEach((entry, entryIndex) => {
    for (const spec of entry.terms) {
      if (spec.match === 'never') continue;
      let context: number | undefined;
      if (spec.context) {
        const key = spec.context.join('|');
        context = cueIndex.get(key);
        if (context === undefined) {
          context = cueLists.length;
          cueLists.push([...spec.context]);
          cueIndex.set(key, context);
        }
      }
      const before = fold(spec.blockedBefore);
      const after = fold(spec.blockedAfter);
      forms.push({
        text: spec.text,
        entry: entryIndex,
        ...(spec.caseSensitive ? { exact: true as const } : {}),
        ...(context !== undefined ? { context } : {}),
        ...(before ? { before } : {}),
        ...(after ? { after } : {}),
      });
    }
  });
  return {
    version: 1,
    entries: entries.map((entry) => [entry.id, entry.name, entry.category] as const),
    cues: cueLists,
    forms,
  };
}
