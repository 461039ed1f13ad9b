import { foldWords } from '../matcher/fold';
import type { FormRecord, TermData } from '../matcher/types';
import type { Entry } from './types';

/**
 * The compact data the content script carries: detectable forms only. Cue words travel as groups
 * (each named set of data/cues.yaml once, each literal cue word once) that forms point at.
 */
export function buildTermData(
  entries: readonly Entry[],
  cueSets: Readonly<Record<string, readonly string[]>>,
  weakCues: readonly string[] = [],
): TermData {
  const cues: string[][] = [];
  const groupIndex = new Map<string, number>();
  const groupOf = (cue: string): number => {
    let index = groupIndex.get(cue);
    if (index === undefined) {
      index = cues.length;
      cues.push((cueSets[cue] ?? [cue]).map((word) => foldWords(word).join(' ')));
      groupIndex.set(cue, index);
    }
    return index;
  };
  const forms: FormRecord[] = [];
  const fold = (phrases: readonly string[] | undefined) => phrases?.map((phrase) => foldWords(phrase).join(' '));
  entries.forEach((entry, entryIndex) => {
    for (const spec of entry.terms) {
      if (spec.match === 'never') continue;
      const before = fold(spec.blockedBefore);
      const after = fold(spec.blockedAfter);
      forms.push({
        text: spec.text,
        entry: entryIndex,
        ...(spec.caseSensitive ? { exact: true as const } : {}),
        ...(spec.context ? { context: spec.context.map(groupOf).sort((a, b) => a - b) } : {}),
        ...(before ? { before } : {}),
        ...(after ? { after } : {}),
      });
    }
  });
  return {
    version: 1,
    entries: entries.map((entry) => [entry.id, entry.name, entry.category] as const),
    cues,
    ...(weakCues.length > 0 ? { weakCues: [...weakCues] } : {}),
    forms,
  };
}
