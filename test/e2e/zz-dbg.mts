import { chromium } from 'playwright-core';
import { startHarness } from '/work/main/src-main/server/harness';
const h = await startHarness({ dbPath: '/tmp/try2.db', staticDir: '/work/main/dist/renderer', asOf: '2026-12-01' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage();
// p.on('request', r => console.log('req', r.url().replace(h.url, '/')));
// p.on('requestfinished', r => console.log('done', r.url().replace(h.url, '/')));
p.on('console', m => console.log('console', m.type(), m.text().slice(0, 200)));
await p.goto(h.url);
console.log('loaded 1');
await p.getByLabel('Or type paths on this computer').fill('/work/main/assets/sample-chart');
await p.getByRole('button', { name: 'Import', exact: true }).click();
await p.getByTestId('import-summary').waitFor({ timeout: 120_000 });
console.log('imported');
await p.goto(h.url + '#/episodes');
await p.waitForTimeout(500);
const t = Date.now();
await p.reload();
await p.getByTestId('episode-count').waitFor();
console.log('A');
await p.keyboard.press('Tab');
console.log('B', await p.evaluate(() => document.activeElement?.textContent));
await p.keyboard.press('Enter');
console.log('C', await p.evaluate(() => document.activeElement?.id));
for (let i = 0; i < 5; i++) {
  await p.keyboard.press('Tab');
  const d = await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
  console.log('tab', d);
  if (d?.includes('search')) break;
}
await p.keyboard.type('Chen');
console.log('typed');
for (let i = 0; i < 15; i++) {
  await p.keyboard.press('Tab');
  const d = await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
  console.log('tab', d);
  if (d?.startsWith('<tr')) break;
}
await p.keyboard.press('Enter');
console.log('entered');
await p.waitForTimeout(1000);
console.log(await p.evaluate(() => document.querySelector('h1')?.textContent));
await b.close(); await h.close();
