/**
 * `npm run serve -- --db FILE [--port N] [--static DIR] [--as-of YYYY-MM-DD]`
 * Starts the loopback harness and prints the URL to open (the token is already in the page).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './harness';
import { rememberStore } from '../core/app/recent-stores';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '0' },
    static: { type: 'string', default: 'dist/renderer' },
    'as-of': { type: 'string' },
  },
});

if (!values.db) {
  console.error('usage: npm run serve -- --db FILE [--port N] [--static DIR] [--as-of DATE]');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be a number from 0 to 65535');
  process.exit(2);
}
const staticDir = resolve(values.static ?? 'dist/renderer');
if (!existsSync(staticDir)) {
  console.error(`no built renderer at ${staticDir}: run npm run build:web first`);
  process.exit(2);
}

const harness = await startHarness({
  dbPath: resolve(values.db),
  port,
  staticDir,
  asOf: values['as-of'],
});
try {
  rememberStore(resolve(values.db));
} catch {
  // The recent list is a convenience: an unwritable config folder must not stop the app.
}
console.log(`ChartReady is running at ${harness.url}`);
console.log('Listening on 127.0.0.1 only. Press Ctrl+C to stop.');

const stop = () => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
