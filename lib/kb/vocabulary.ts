/**
 * The one list of categories, body regions, tags and section titles. Everything else (schema,
 * side panel home, body map, stats, tests) reads them from here.
 */
export const CATEGORIES = [
  'condition',
  'procedure',
  'treatment',
  'anatomy',
  'symptom',
  'concept',
  'assessment',
  'profession',
  'setting',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  condition: 'Condition',
  procedure: 'Surgery and procedures',
  treatment: 'Treatment',
  anatomy: 'Anatomy',
  symptom: 'Symptom',
  concept: 'Concept',
  assessment: 'Test or assessment',
  profession: 'Profession',
  setting: 'Care setting',
};

/** Regions a person can point at on the body map; `whole-body` is listed under the map. */
export const REGIONS = [
  'head',
  'neck',
  'shoulder',
  'upper-back',
  'elbow',
  'wrist-hand',
  'low-back',
  'pelvis',
  'hip',
  'knee',
  'ankle-foot',
  'whole-body',
] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, string> = {
  head: 'Head',
  neck: 'Neck',
  shoulder: 'Shoulder',
  'upper-back': 'Upper back',
  elbow: 'Elbow',
  'wrist-hand': 'Wrist and hand',
  'low-back': 'Low back',
  pelvis: 'Pelvis',
  hip: 'Hip',
  knee: 'Knee',
  'ankle-foot': 'Ankle and foot',
  'whole-body': 'Whole body',
};

export const TAGS = [
  'nerve',
  'neurological',
  'sports',
  'post-surgical',
  'pediatric',
  'pelvic-health',
  'spine',
  'joint',
  'muscle-tendon',
  'bone',
  'cardiopulmonary',
  'pain',
  'vestibular',
  'womens-health',
  'older-adults',
  'general',
] as const;
export type Tag = (typeof TAGS)[number];

export const EVIDENCE_LEVELS = ['strong', 'moderate', 'limited', 'mixed'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** Section titles, in the order they must appear. */
export const SECTION_TITLES = [
  'What it is',
  'How it feels',
  'Causes',
  'How physical therapy helps',
  'Other treatments',
  'At home',
  'When to get help',
  'For students',
] as const;
export type SectionTitle = (typeof SECTION_TITLES)[number];

/** Sections written for patients (reading grade ≤ 8); "For students" may be technical. */
export const PATIENT_SECTIONS: readonly SectionTitle[] = SECTION_TITLES.filter((title) => title !== 'For students');

/** Categories that describe something a person has or goes through, with the full condition sections. */
export const CONDITION_LIKE: readonly Category[] = ['condition', 'procedure'];

export const REQUIRED_SECTIONS: Record<Category, readonly SectionTitle[]> = {
  condition: ['What it is', 'How it feels', 'How physical therapy helps', 'When to get help'],
  procedure: ['What it is', 'How it feels', 'How physical therapy helps', 'When to get help'],
  treatment: ['What it is', 'How physical therapy helps'],
  anatomy: ['What it is'],
  symptom: ['What it is'],
  concept: ['What it is'],
  assessment: ['What it is'],
  profession: ['What it is'],
  setting: ['What it is'],
};

/** The three levels of "When to get help", as the list items must start. */
export const HELP_LEVELS = ['Routine', 'Urgent', 'Emergency'] as const;
export type HelpLevel = (typeof HELP_LEVELS)[number];
