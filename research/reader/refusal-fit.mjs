// Fits the answer check on the rows `refusal.mjs` wrote, with and without the reader's scores beside its signals, the
// way `npm run fit` fits it (src/eval/refusal-fit.ts: folds of whole articles, penalty by cross-validated log-loss,
// threshold from the out-of-fold trade-off), and prints each one's curve.
//   node research/reader/refusal-fit.mjs <rows.json> [lanes] [--strict]
// With lanes (comma-separated, e.g. AA,X,Y,AB,AC,AD,AE), only the answerable questions of those lanes are kept: the
// ones a probe's reader was not trained on. Unanswerable questions are kept whatever their lane (a reader trained
// without --pointwise reads none), or, with --strict (a pointwise reader, trained on the other lanes' unanswerable
// questions), only those of those lanes and the seed questions.
import { fitRefusal, REFUSAL_FIT_DEFAULTS } from '../../dist/eval/refusal-fit.js';
import fs from 'node:fs';

const [file, lanes] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const strict = process.argv.includes('--strict');
const lane = (id) => id.match(/^[A-Z]+?(?=U?\d)/)?.[0] ?? id;
const keep = lanes ? new Set(lanes.split(',')) : null;
const rows = JSON.parse(fs.readFileSync(file, 'utf8')).filter((r) => !keep || keep.has(lane(r.id)) || (!r.answerable && (!strict || lane(r.id) === 'SEED')));
const un = rows.filter((r) => !r.answerable).length;
console.log(`${rows.length} questions, ${un} unanswerable`);

/** Area under the ROC curve of a score that should be lower for unanswerable questions. */
function auc(score) {
  const pos = rows.filter((r) => r.answerable).map(score);
  const neg = rows.filter((r) => !r.answerable).map(score);
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return s / (pos.length * neg.length);
}
console.log(`AUC, answerable above unanswerable: reader's best ${auc((r) => r.readMax).toFixed(3)}, its bold sentence ${auc((r) => r.readBold ?? r.readMax).toFixed(3)}`);

const variants = {
  'check signals only': (r) => r.vector,
  '+ reader best': (r) => [...r.vector, r.readMax],
  '+ reader bold': (r) => [...r.vector, r.readBold ?? r.readMax],
  'reader best only': (r) => [r.readMax],
};
const thresholds = Array.from({ length: 39 }, (_, i) => Math.round((0.05 + i * 0.025) * 1000) / 1000);
for (const [name, vec] of Object.entries(variants)) {
  const examples = rows.map((r) => ({ group: r.group, vector: vec(r), unanswerable: !r.answerable }));
  const fit = fitRefusal(examples, { ...REFUSAL_FIT_DEFAULTS, thresholds });
  const c = fit.chosen;
  console.log(`\n${name}: lambda ${fit.lambda}, log-loss ${fit.cv.map((x) => x.loss.toFixed(3)).join(' ')}`);
  console.log(`  chosen t ${c.threshold}: unanswerable refused ${c.refusedUnanswerable}/${c.unanswerable}, answerable wrongly refused ${c.wronglyRefused}/${c.answerable}`);
  console.log(`  weights ${fit.model.weights.map((w) => w.toFixed(3)).join(' ')} bias ${fit.model.bias.toFixed(3)}`);
  console.log('  curve: ' + fit.curve.filter((p) => p.wronglyRefused <= 40).map((p) => `${p.threshold}:${p.refusedUnanswerable}/${p.wronglyRefused}`).join('  '));
}
