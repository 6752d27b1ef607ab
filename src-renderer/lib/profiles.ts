import { useEffect, useState } from 'react';
import type { ChartReadyApi } from '../../shared/api';

export type Profiles = ReadonlyArray<{ name: string; label: string }>;

/** The built-in payer profiles, by id and display name (empty until the app's info arrives). */
export function useProfiles(api: ChartReadyApi): Profiles {
  const [profiles, setProfiles] = useState<Profiles>([]);
  useEffect(() => {
    let live = true;
    api
      .info()
      .then((i) => live && setProfiles(i.profiles))
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
