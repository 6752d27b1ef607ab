// Child process for test/reliability/crash.test.ts: imports the given paths into a database and
// prints one line per file the moment its transaction has committed ("imported <path>"), so the
// parent knows exactly what was reported before it kills this process with SIGKILL.
// Usage: node dist/node/import-child.mjs DB PATH...
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';

const [dbPath, ...paths] = process.argv.slice(2);
if (!dbPath || paths.length === 0) {
  console.error('usage: import-child DB PATH...');
  process.exit(2);
}
const db = openDatabase(dbPath);
const summary = await importPaths(db, paths, {
  onProgress: (p) => {
    // Written synchronously: a line the parent sees is a file that is committed.
    if (p.current.status === 'imported') process.stdout.write(`imported ${p.current.path}\n`);
  },
});
db.close();
process.stdout.write(`done ${summary.imported} ${summary.skipped} ${summary.rejected}\n`);
