import { signal } from '@preact/signals';

/** The app lives under /dashboard/ (Vite base); routes are the path after it, e.g. "keys". */
export const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

function current(): { path: string; search: string } {
  let p = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  p = p.replace(/^\/+|\/+$/g, '');
  return { path: p, search: location.search };
}

export const route = signal(current());

export function href(path: string): string {
  return `${BASE}/${path.replace(/^\/+/, '')}`;
}

export function navigate(path: string, replace = false): void {
  const url = href(path);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  route.value = current();
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => {
  route.value = current();
});

/** The path and query to come back to after logging in. */
export function here(): string {
  const { path, search } = route.value;
  return `${path}${search}`;
}

export function queryParam(name: string): string | null {
  return new URLSearchParams(route.value.search).get(name);
}
