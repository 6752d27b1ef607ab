import { describe, expect, it } from 'vitest';
import { countProgress, reviewProgress } from '../../src-main/cli/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = {
    isTTY,
    columns: 60,
    write: (s: string) => {
      writes.push(s);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe('review progress on the terminal', () => {
  it('shows patient and episode counts on one line, and clears it at the end', () => {
    const { stream, writes } = fakeStream(true);
    const bar = reviewProgress(stream);
    bar.update({ patientsDone: 1200, patients: 10000, episodes: 1190 });
    bar.update({ patientsDone: 10000, patients: 10000, episodes: 9990 });
    bar.done();
    expect(writes[0]).toBe('\rreviewing: 1,200/10,000 patients, 1,190 episodes');
    expect(writes[1]).toBe('\rreviewing: 10,000/10,000 patients, 9,990 episodes');
    expect(writes[2]).toBe(`\r${' '.repeat(59)}\r`);
  });

  it('writes nothing when stderr is not a terminal (pipes, CI logs)', () => {
    const { stream, writes } = fakeStream(false);
    const bar = reviewProgress(stream);
    bar.update({ patientsDone: 1, patients: 1, episodes: 1 });
    bar.done();
    expect(writes).toEqual([]);
  });
});

describe('reanalyze progress on the terminal', () => {
  it('counts files on one line, skips redraws within 80 ms but not the last, and keeps the line', () => {
    const { stream, writes } = fakeStream(true);
    const bar = countProgress('reading again', stream);
    bar.update({ done: 1, total: 3 });
    bar.update({ done: 2, total: 3 }); // within 80 ms of the first: not drawn
    bar.update({ done: 3, total: 3 });
    bar.done();
    expect(writes).toEqual(['\rreading again: 1/3 files', '\rreading again: 3/3 files', '\n']);
  });
});
