/** Hash routes (work the same under app:// and http://). */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'import' }
  | { name: 'episodes'; query?: Record<string, string> }
  | { name: 'episode'; id: string }
  | { name: 'packet'; id: string }
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
    case 'packet':
      return parts[1] ? { name: 'packet', id: parts[1] } : { name: 'episodes' };
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
    case 'packet':
      return `#/${route.name}/${encodeURIComponent(route.id)}`;
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
