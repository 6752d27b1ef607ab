import { useEffect, useRef } from 'react';
import type { Backend } from './api';
import { href, useRoute, type Route } from './lib/route';
import { lastEpisodesQuery } from './lib/episode-filters';
import { screenHeading, useFocusRescue, useHeadingFocusAfterReload } from './lib/focus-rescue';
import { ImportScreen } from './screens/ImportScreen';
import { EpisodesScreen } from './screens/EpisodesScreen';
import { EpisodeScreen } from './screens/EpisodeScreen';
import { PacketScreen } from './screens/PacketScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ActionsScreen } from './screens/ActionsScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { DeadlinesScreen } from './screens/DeadlinesScreen';

const NAV: Array<{ route: Route; label: string }> = [
  { route: { name: 'dashboard' }, label: 'Readiness' },
  { route: { name: 'import' }, label: 'Import' },
  { route: { name: 'episodes' }, label: 'Episodes' },
  { route: { name: 'actions' }, label: 'Corrective actions' },
  { route: { name: 'deadlines' }, label: 'Deadlines' },
  { route: { name: 'settings' }, label: 'Settings' },
];

function section(route: Route): Route['name'] {
  return route.name === 'episode' || route.name === 'packet' ? 'episodes' : route.name;
}

export function App({ backend }: { backend: Backend }) {
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Opened without a screen named: the readiness overview once the database holds episodes,
  // else the Import screen and its welcome.
  useEffect(() => {
    if (window.location.hash) return;
    backend.api
      .info()
      .then((i) => {
        if ((i.episodes ?? 0) > 0 && !window.location.hash)
          window.location.replace(href({ name: 'dashboard' }));
      })
      .catch(() => undefined);
  }, [backend]);

  // Move focus to the new screen's heading on navigation (not on first load).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (mainRef.current) screenHeading(mainRef.current)?.focus();
  }, [route]);
  // And keep it on the screen when what had it goes away.
  useFocusRescue(mainRef, screenHeading);
  // After another database is opened the app reloads: focus starts on the screen's heading.
  useHeadingFocusAfterReload(mainRef);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="app-header">
        <span className="brand" aria-hidden="true">
          ChartReady
        </span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.label}>
                <a
                  href={
                    // Back to the list as the user left it (search, filters, sort).
                    n.route.name === 'episodes'
                      ? href({ name: 'episodes', query: lastEpisodesQuery() })
                      : href(n.route)
                  }
                  aria-current={section(route) === n.route.name ? 'page' : undefined}
                >
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {route.name === 'import' && <ImportScreen backend={backend} />}
        {route.name === 'episodes' && <EpisodesScreen api={backend.api} query={route.query} />}
        {route.name === 'episode' && <EpisodeScreen api={backend.api} id={route.id} />}
        {route.name === 'packet' && (
          // Keyed by episode: another id in the URL starts a fresh screen (no stale not-found).
          <PacketScreen key={route.id} backend={backend} id={route.id} initialClaim={route.claim} />
        )}
        {route.name === 'dashboard' && <DashboardScreen backend={backend} />}
        {route.name === 'actions' && <ActionsScreen api={backend.api} />}
        {route.name === 'settings' && <SettingsScreen api={backend.api} />}
        {route.name === 'deadlines' && <DeadlinesScreen api={backend.api} />}
      </main>
    </>
  );
}
