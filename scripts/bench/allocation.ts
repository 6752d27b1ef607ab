/**
 * What a piece of work allocates, garbage included, from V8's sampling heap profiler (through the
 * inspector, in this process). On a machine whose speed drifts by 30% between runs, megabytes
 * allocated repeat within a few percent: the measure for allocation work on the review.
 */
import { Session } from 'node:inspector/promises';

export interface AllocationSite {
  /** `function file:line` (line 0-based, as V8 reports it). */
  site: string;
  mb: number;
}

export interface AllocationProfile {
  totalMb: number;
  /** Sites by megabytes allocated there (self), largest first. */
  sites: AllocationSite[];
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

export async function sampleAllocations(
  work: () => unknown,
  top = 25,
  samplingInterval = 4096,
): Promise<AllocationProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    // Objects the collector has already freed count too: short-lived garbage is the point.
    await session.post('HeapProfiler.startSampling', {
      samplingInterval,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    work();
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as {
      profile: { head: ProfileNode };
    };
    const bySite = new Map<string, number>();
    let total = 0;
    const walk = (node: ProfileNode): void => {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url.slice(url.lastIndexOf('/') + 1);
      const site = `${functionName || '(anonymous)'} ${file}:${lineNumber}`;
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      total += node.selfSize;
      for (const child of node.children) walk(child);
    };
    walk(profile.head);
    const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
    return {
      totalMb: mb(total),
      sites: [...bySite]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([site, bytes]) => ({ site, mb: mb(bytes) })),
    };
  } finally {
    session.disconnect();
  }
}
