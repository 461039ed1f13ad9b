import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTermData } from '../../lib/kb/term-data';
import { compileMatcher } from '../../lib/matcher/compile';
import { loadKb } from '../../scripts/kb-source';
import { scanFile } from '../../scripts/scan-file';

/**
 * The engine on pages written to look like the real thing, with the full knowledge base and the
 * content script's own defaults (through `cli scan`'s file reader):
 * - tests/corpus/elsewhere: pages NOT about the body, from fields where PT words and abbreviations
 *   mean something else (finance, code, cooking, DIY, sport, travel, school, research, aviation,
 *   and, prefixed r2-, a second round: astronomy, military, canning, crypto, HR, law, shops...).
 *   Every occurrence is checked: nothing may be highlighted but the few listed below.
 * - tests/corpus/pt: pages about the body (clinic blogs, patient forums, discharge notes, student
 *   notes, British spelling, accents, plurals): the terms a physical therapist would point at
 *   first must be found.
 */
const CORPUS = resolve(import.meta.dirname, '../corpus');
const kb = loadKb();
const matcher = compileMatcher(buildTermData(kb.entries, kb.rules.cueSets, kb.rules.weakCues));
const filesIn = (dir: string): string[] => readdirSync(join(CORPUS, dir)).sort();

/** What may be highlighted on the pages that are not about the body, and why. */
const ALLOWED_ELSEWHERE: Record<string, string[]> = {
  // An injury report: "(hamstring)" is the body part.
  '07-nfl-transactions.txt': ['hamstring'],
  // A walking robot: gait, range of motion and proprioception are the same ideas on a machine.
  '17-robotics.txt': ['Range of motion', 'proprioception', 'gait cycle'],
  // Addiction treatment: close enough to a plan of care to be arguable.
  '31-celebrity-rehab.txt': ['treatment plan'],
  // Workers falling from height: the falls entry is about people falling.
  '32-construction-safety.txt': ['Fall prevention', 'fall risk'],
};

/** The terms a physical therapist would point at first on each page about the body (entry ids). */
const MUST_FIND: Record<string, string[]> = {
  '01-clinic-blog-low-back-pain.txt': ['low-back-pain', 'sciatica', 'herniated-disc', 'cauda-equina-syndrome', 'saddle-anesthesia', 'mckenzie-method'],
  '02-forum-rotator-cuff.txt': ['rotator-cuff', 'frozen-shoulder', 'shoulder-impingement', 'range-of-motion-exercises'],
  '03-news-knee-replacement.txt': ['total-knee-replacement', 'osteoarthritis', 'nmes', 'swelling'],
  '04-running-blog.txt': ['shin-splints', 'plantar-fasciitis', 'it-band-syndrome', 'stress-fracture', 'achilles-tendinopathy'],
  '05-acl-discharge.html': ['acl-reconstruction', 'weight-bearing', 'cryotherapy', 'return-to-sport'],
  '06-student-notes.txt': ['lachman-test', 'mcmurray-test', 'spurling-test', 'phalens-test', 'tinels-sign', 'finkelstein-test', 'timed-up-and-go', 'tens'],
  '07-stroke-carer.txt': ['stroke', 'hemiplegia', 'spasticity', 'foot-drop'],
  '08-ergonomics.txt': ['tennis-elbow', 'de-quervains', 'carpal-tunnel-syndrome', 'repetitive-strain-injury', 'posture'],
  '09-pelvic-floor.txt': ['pelvic-floor-muscle-training', 'stress-urinary-incontinence', 'pelvic-organ-prolapse', 'diastasis-recti'],
  '10-concussion-rtp.html': ['concussion', 'return-to-sport', 'vestibular-rehabilitation', 'whiplash'],
  '11-british-page.txt': ['physical-therapist', 'sciatica', 'frozen-shoulder', 'ankle-sprain', 'hip-fracture'],
  '12-accents-eponyms.txt': ['bppv', 'epley-maneuver', 'guillain-barre-syndrome', 'phalens-test', 'osgood-schlatter', 'mortons-neuroma'],
  '13-plurals-hyphens.txt': ['hamstring-strain', 'meniscus-tear', 'rotator-cuff-tear', 'nerve-gliding', 'spondylolisthesis'],
  '14-hip-groin-sports.txt': ['femoroacetabular-impingement', 'greater-trochanteric-pain-syndrome', 'sacroiliac-joint-pain'],
  '15-vertigo-vestibular.txt': ['bppv', 'dix-hallpike', 'epley-maneuver', 'vestibular-neuritis'],
  '16-older-adults-falls.txt': ['falls', 'berg-balance-scale', 'timed-up-and-go', 'osteoporosis'],
  '17-paediatric.txt': ['congenital-muscular-torticollis', 'clubfoot', 'cerebral-palsy', 'scoliosis'],
  '18-hand-therapy.txt': ['trigger-finger', 'cubital-tunnel-syndrome', 'distal-radius-fracture', 'nerve-gliding'],
  '19-forum-short-replies.txt': ['plantar-fasciitis', 'de-quervains', 'rotator-cuff'],
  '20-knee-forum-and-misc.txt': ['lachman-test', 'acl-tear', 'meniscus-tear'],
  '21-acl-protocol.txt': ['acl-reconstruction', 'hamstrings'],
};

describe('pages that are not about the body', () => {
  const files = filesIn('elsewhere');

  it('are many, from many fields', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
  });

  it.each(files)('%s: nothing highlighted that is not PT', async (file) => {
    const { matches } = await scanFile(join(CORPUS, 'elsewhere', file), matcher, true);
    expect(matches.map((match) => match.text)).toEqual(ALLOWED_ELSEWHERE[file] ?? []);
  });
});

describe('pages about the body', () => {
  it('each have their list of terms to find', () => {
    expect(filesIn('pt')).toEqual(Object.keys(MUST_FIND).sort());
  });

  it.each(Object.entries(MUST_FIND))('%s: the terms a physical therapist would point at', async (file, wanted) => {
    const { matches } = await scanFile(join(CORPUS, 'pt', file), matcher, false);
    expect(matches.map((match) => match.id)).toEqual(expect.arrayContaining(wanted));
  });
});
