// `npm run security`: Electronegativity over the Electron shell (src-main/electron); fails when it
// reports any finding of HIGH or CRITICAL severity. The CSV report is kept in test-results/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

const input = 'src-main/electron';
if (!existsSync(input) || readdirSync(input).length === 0) {
  console.log(`security: ${input} is empty; nothing for Electronegativity to check yet`);
  process.exit(0);
}
mkdirSync('test-results', { recursive: true });
const out = 'test-results/electronegativity.csv';
const run = spawnSync(
  'npx',
  ['electronegativity', '-i', input, '-r', '-o', out, '-p', 'optionalChaining,typescript'],
  { stdio: 'inherit' },
);
if (run.status !== 0 || !existsSync(out)) {
  console.error('security: electronegativity did not run');
  process.exit(1);
}
const rows = readFileSync(out, 'utf8').split('\n').slice(1).filter(Boolean);
const high = rows.filter((r) => /,(HIGH|CRITICAL),/i.test(r));
console.log(`security: ${rows.length} finding(s), ${high.length} high or critical`);
for (const r of high) console.error(`  ${r}`);
process.exit(high.length > 0 ? 1 : 0);
