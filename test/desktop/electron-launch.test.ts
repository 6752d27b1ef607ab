/**
 * Launches the real Electron app when a binary is installed (electron is an optional dependency
 * whose binary download needs the internet); otherwise skipped with a plain message.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.log('Electron binary not present: launch test skipped');

describe.skipIf(!binary)('Electron launch', () => {
  it('starts the app and shows the import screen', async () => {
    const { _electron } = await import('playwright-core');
    const { execFileSync } = await import('node:child_process');
    execFileSync('npx', ['tsx', 'src-main/electron/build.ts'], { stdio: 'ignore' });
    const app = await _electron.launch({
      executablePath: binary!,
      args: ['dist/electron/main.mjs', '--no-sandbox'],
      env: { ...process.env, CHARTREADY_DB: ':memory:' },
    });
    const win = await app.firstWindow();
    await win.getByRole('heading', { name: 'Import chart exports' }).waitFor();
    expect(await win.evaluate(() => typeof (window as { chartready?: unknown }).chartready)).toBe(
      'object',
    );
    expect(await win.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
      'undefined',
    );
    await app.close();
  });
});
