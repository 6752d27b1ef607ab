import type { ReportSource } from './report';

/** The contract JSON (design/cli-contract.md), pretty-printed, newline-terminated. */
export function formatJson(report: ReportSource): string {
  return [...jsonChunks(report)].join('');
}

/**
 * The same text as `JSON.stringify(report, null, 2) + '\n'`, an episode at a time: a store of
 * 10,000 episodes is a 400 MB document, which one string would hold twice over (UTF-16) before
 * it reaches the file.
 */
export function* jsonChunks(report: ReportSource): Generator<string> {
  const shell = JSON.stringify({ ...report, episodes: [] }, null, 2);
  const tail = '"episodes": []\n}';
  if (report.episodes.length === 0 || !shell.endsWith(tail)) {
    yield JSON.stringify({ ...report, episodes: [...report.episodes] }, null, 2) + '\n';
    return;
  }
  yield shell.slice(0, -tail.length) + '"episodes": [';
  let i = 0;
  for (const ep of report.episodes) {
    // Inside the array an episode is indented by two levels; JSON strings hold no raw newlines;
    // the comma goes before each episode after the first, as the sequence's end is not known.
    yield (i++ > 0 ? ',' : '') + '\n    ' + JSON.stringify(ep, null, 2).replace(/\n/g, '\n    ');
  }
  yield '\n  ]\n}\n';
}
