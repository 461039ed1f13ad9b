/**
 * The sites an entry may cite, in one list (KB-GUIDE.md: stable, authoritative pages). A
 * reference's `kind` must agree with the pattern its URL matches: patient pages are written for
 * the public, professional ones for clinicians and students.
 */
export type ReferenceKind = 'patient' | 'professional';

export interface AllowedSource {
  readonly site: string;
  readonly kind: ReferenceKind;
  readonly pattern: RegExp;
}

export const ALLOWED_SOURCES: readonly AllowedSource[] = [
  { site: 'MedlinePlus', kind: 'patient', pattern: /^https:\/\/medlineplus\.gov\/[a-z0-9/_-]+\.html$/ },
  { site: 'NHS', kind: 'patient', pattern: /^https:\/\/www\.nhs\.uk\/(conditions|tests-and-treatments|live-well)\/[a-z0-9/-]+\/$/ },
  { site: 'NINDS', kind: 'patient', pattern: /^https:\/\/www\.ninds\.nih\.gov\/health-information\/[a-z0-9/-]+$/ },
  { site: 'NIAMS', kind: 'patient', pattern: /^https:\/\/www\.niams\.nih\.gov\/health-topics\/[a-z0-9/-]+$/ },
  { site: 'NIA', kind: 'patient', pattern: /^https:\/\/www\.nia\.nih\.gov\/health\/[a-z0-9/-]+$/ },
  { site: 'NICHD', kind: 'patient', pattern: /^https:\/\/www\.nichd\.nih\.gov\/health\/topics\/[a-z0-9/-]+$/ },
  { site: 'NIDDK', kind: 'patient', pattern: /^https:\/\/www\.niddk\.nih\.gov\/health-information\/[a-z0-9/-]+$/ },
  { site: 'NHLBI', kind: 'patient', pattern: /^https:\/\/www\.nhlbi\.nih\.gov\/health\/[a-z0-9/-]+$/ },
  { site: 'CDC', kind: 'patient', pattern: /^https:\/\/www\.cdc\.gov\/[a-z0-9/._-]+$/ },
  { site: 'ChoosePT (APTA)', kind: 'patient', pattern: /^https:\/\/www\.choosept\.com\/guide\/[a-z0-9-]+$/ },
  { site: 'OrthoInfo (AAOS)', kind: 'patient', pattern: /^https:\/\/orthoinfo\.aaos\.org\/en\/[a-z0-9/-]+\/$/ },
  { site: 'Chartered Society of Physiotherapy', kind: 'patient', pattern: /^https:\/\/www\.csp\.org\.uk\/[a-z0-9/-]+$/ },
  { site: 'Cleveland Clinic', kind: 'patient', pattern: /^https:\/\/my\.clevelandclinic\.org\/health\/[a-z0-9/-]+$/ },
  { site: 'Physiopedia', kind: 'professional', pattern: /^https:\/\/www\.physio-pedia\.com\/[A-Za-z0-9_%'(),.-]+$/ },
  { site: 'NCBI Bookshelf', kind: 'professional', pattern: /^https:\/\/www\.ncbi\.nlm\.nih\.gov\/books\/NBK\d+\/$/ },
  { site: 'PubMed', kind: 'professional', pattern: /^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/$/ },
  { site: 'NICE CKS', kind: 'professional', pattern: /^https:\/\/cks\.nice\.org\.uk\/topics\/[a-z0-9-]+\/$/ },
  { site: 'NICE guidance', kind: 'professional', pattern: /^https:\/\/www\.nice\.org\.uk\/guidance\/[a-z]{2,3}\d+$/ },
  { site: 'JOSPT', kind: 'professional', pattern: /^https:\/\/www\.jospt\.org\/doi\/10\.2519\/jospt\.[0-9.a-z]+$/ },
  { site: 'Radiopaedia', kind: 'professional', pattern: /^https:\/\/radiopaedia\.org\/articles\/[a-z0-9-]+$/ },
];

/** The allowed source a URL belongs to, if any. */
export function findAllowedSource(url: string): AllowedSource | undefined {
  return ALLOWED_SOURCES.find((source) => source.pattern.test(url));
}
