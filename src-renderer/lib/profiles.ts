import { useEffect, useState } from 'react';
import type { ChartReadyApi } from '../../shared/api';

export type Profiles = ReadonlyArray<{ name: string; label: string }>;

/** Profiles already fetched, per API: a screen opened later names them from its first paint. */
const known = new WeakMap<ChartReadyApi, Profiles>();

/**
 * The built-in payer profiles, by id and display name (empty until the app's info first arrives;
 * fetched once per API, so later screens never show a profile's id in place of its name).
 */
export function useProfiles(api: ChartReadyApi): Profiles {
  const [profiles, setProfiles] = useState<Profiles>(() => known.get(api) ?? []);
  useEffect(() => {
    if (known.has(api)) return;
    let live = true;
    api
      .info()
      .then((i) => {
        known.set(api, i.profiles);
        if (live) setProfiles(i.profiles);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return profiles;
}

/** A profile's name as people read it ("Texas WC (DWC)"), its id when not a built-in one. */
export function profileLabel(profiles: Profiles, name: string): string {
  return profiles.find((p) => p.name === name)?.label ?? name;
}
