import { readFileSync } from 'node:fs';
import { compileMatcher } from '../lib/matcher/compile';
import { findTermsInText } from '../lib/matcher/match';
import { unpackTermData } from '../lib/matcher/pack';
const data = unpackTermData(JSON.parse(readFileSync('data/generated/terms.json', 'utf8')));
const m = compileMatcher(data);
const pt = 'The patient said her back was sore after running, and the doctor suggested physical therapy for sciatica. A knee brace helped with patellofemoral pain during long walks with friends who also had tennis elbow and plantar fasciitis.';
const news = 'We went to the market yesterday and bought apples, bread, cheese and many other things before returning home to cook a large dinner for everyone who came. The council voted on the new budget, and the team won the cup final on Saturday.';
const paras: string[] = [];
let size = 0;
for (let i = 0; size < 10_000_000; i++) { const p = (i % 5 === 0 ? pt : news) + ' ' + news; paras.push(p); size += p.length; }
for (let r = 0; r < 6; r++) {
  const t = performance.now(); let n = 0;
  for (const b of paras) n += findTermsInText(m, b).length;
  const dt = performance.now() - t;
  console.log('matcher', (size / 1e6 / (dt / 1000)).toFixed(1), 'MB/s', n);
}
