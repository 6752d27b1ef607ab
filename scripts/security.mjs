// `npm run security`: Electronegativity over the Electron shell (src-main/electron), failing on
// any HIGH or CRITICAL finding (the CSV report is kept in test-results/), then `npm audit` of the
// production dependencies, failing on any high or critical advisory not documented in
// docs/security.md. Where the registry offers no audit endpoint, it says so and goes on.
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
if (high.length > 0) process.exit(1);

const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report = null;
try {
  report = JSON.parse(audit.stdout || 'null');
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = report?.statusCode
    ? `HTTP ${report.statusCode}`
    : (report?.error?.code ?? 'no report');
  console.log(`security: npm audit unavailable from this registry (${why}); see docs/security.md`);
  process.exit(0);
}
const documented = readFileSync('docs/security.md', 'utf8');
const serious = Object.values(report.vulnerabilities ?? {}).filter(
  (v) => (v.severity === 'high' || v.severity === 'critical') && !documented.includes(v.name),
);
console.log(
  `security: npm audit: ${counts.high ?? 0} high, ${counts.critical ?? 0} critical; ${serious.length} undocumented`,
);
for (const v of serious) console.error(`  ${v.severity}: ${v.name}`);
process.exit(serious.length > 0 ? 1 : 0);
