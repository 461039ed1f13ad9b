/**
 * Entries people look up most, most common first: what the popup shows before anything is typed,
 * and the tie-break between otherwise equal hits (someone typing "carp" more likely wants carpal
 * tunnel syndrome than the transverse carpal ligament). Chosen from the conditions that fill
 * outpatient physical-therapy caseloads and the treatments patients ask about; ids that are not in
 * the knowledge base are skipped, so the list may run ahead of the entries.
 */
export const POPULAR_ENTRY_IDS: readonly string[] = [
  'low-back-pain',
  'sciatica',
  'neck-pain',
  'knee-osteoarthritis',
  'frozen-shoulder',
  'carpal-tunnel-syndrome',
  'plantar-fasciitis',
  'tennis-elbow',
  'herniated-disc',
  'rotator-cuff-tear',
  'patellofemoral-pain',
  'ankle-sprain',
  'shoulder-impingement',
  'acl-tear',
  'meniscus-tear',
  'shin-splints',
  'whiplash',
  'bppv',
  'osteoarthritis',
  'fibromyalgia',
  'spinal-stenosis',
  'total-knee-replacement',
  'total-hip-replacement',
  'achilles-tendinopathy',
  'it-band-syndrome',
  'tens',
  'dry-needling',
  'physical-therapy',
  'range-of-motion',
  'concussion',
  'stroke',
];
