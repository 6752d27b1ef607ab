/** Hash routes (work the same under app:// and http://). */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'import' }
  | { name: 'episodes'; query?: Record<string, string> }
  | { name: 'episode'; id: string }
  /** `claim`: the claim to open on (a link from Deadlines or a denial names it). */
  | { name: 'packet'; id: string; claim?: string }
  | { name: 'actions' }
  | { name: 'dashboard' }
  | { name: 'deadlines' }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').map(decodeURIComponent);
  switch (parts[0]) {
    case 'episodes': {
      const query = Object.fromEntries(new URLSearchParams(search));
      return Object.keys(query).length ? { name: 'episodes', query } : { name: 'episodes' };
    }
    case 'episode':
      return parts[1] ? { name: 'episode', id: parts[1] } : { name: 'episodes' };
    case 'packet': {
      if (!parts[1]) return { name: 'episodes' };
      const claim = new URLSearchParams(search).get('claim');
      return claim ? { name: 'packet', id: parts[1], claim } : { name: 'packet', id: parts[1] };
    }
    case 'settings':
      return { name: 'settings' };
    case 'actions':
      return { name: 'actions' };
    case 'dashboard':
      return { name: 'dashboard' };
    case 'deadlines':
      return { name: 'deadlines' };
    default:
      return { name: 'import' };
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'episode':
      return `#/${route.name}/${encodeURIComponent(route.id)}`;
    case 'packet': {
      const path = `#/packet/${encodeURIComponent(route.id)}`;
      return route.claim ? `${path}?${new URLSearchParams({ claim: route.claim })}` : path;
    }
    case 'episodes': {
      const q = new URLSearchParams(
        Object.entries(route.query ?? {}).filter(([, v]) => v !== ''),
      ).toString();
      return q ? `#/episodes?${q}` : '#/episodes';
    }
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
