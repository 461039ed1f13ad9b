import { foldWords } from '../../lib/matcher/fold';
import type { FormRecord, TermData } from '../../lib/matcher/types';
import type { Category } from '../../lib/kb/vocabulary';

/** A small hand-made term list, so matcher rules are tested apart from the KB's wording. */
export interface FixtureForm {
  readonly text: string;
  readonly exact?: boolean;
  readonly context?: readonly string[];
  readonly before?: readonly string[];
  readonly after?: readonly string[];
}

export function makeTermData(
  entries: Record<string, readonly (string | FixtureForm)[]>,
  category: Category = 'condition',
  weakCues: readonly string[] = [],
): TermData {
  const cues: string[][] = [];
  const forms: FormRecord[] = [];
  Object.entries(entries).forEach(([, list], entry) => {
    for (const item of list) {
      const form: FixtureForm = typeof item === 'string' ? { text: item } : item;
      let context: number[] | undefined;
      if (form.context) {
        context = [cues.length];
        cues.push(form.context.map((word) => foldWords(word).join(' ')));
      }
      forms.push({
        text: form.text,
        entry,
        ...(form.exact ? { exact: true as const } : {}),
        ...(context !== undefined ? { context } : {}),
        ...(form.before ? { before: form.before } : {}),
        ...(form.after ? { after: form.after } : {}),
      });
    }
  });
  return { version: 1, entries: Object.keys(entries).map((id) => [id, id, category] as const), cues, weakCues, forms };
}

export const FIXTURE = makeTermData({
  sciatica: ['sciatica', 'sciatic nerve pain'],
  'carpal-tunnel-syndrome': ['carpal tunnel syndrome', 'carpal tunnel', { text: 'CTS', exact: true, context: ['hand', 'wrist', 'finger', 'numb'] }],
  tens: [{ text: 'TENS', exact: true, context: ['pain', 'electrode', 'unit'], after: ['of'] }, 'transcutaneous electrical nerve stimulation'],
  stroke: [{ text: 'stroke', context: ['brain', 'rehab', 'weakness'], before: ['heat', 'sun', 'brush'], after: ['of luck', 'of genius'] }],
  'menieres-disease': ["Ménière's disease"],
  'guillain-barre-syndrome': ['Guillain-Barré syndrome'],
  'phalens-test': ["Phalen's test"],
  'tinels-sign': ["Tinel's sign"],
  'nerve-gliding': ['nerve glide', 'nerve gliding'],
  radiculopathy: ['radiculopathy', 'lumbar radiculopathy', 'cervical radiculopathy'],
  'low-back-pain': ['low back pain', 'back pain'],
  'acl-tear': [{ text: 'ACL', exact: true, context: ['knee', 'ligament'] }, 'ACL tear'],
  'shin-splints': ['shin splints'],
  splint: [{ text: 'splint', context: ['wrist', 'hand'] }],
  injury: ['sports injury'],
}, 'condition', ['hand', 'unit', 'pain']);
