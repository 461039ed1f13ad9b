import { CATEGORIES, type Category } from '../lib/kb/vocabulary';
import { MAP_REGIONS, type MapRegion } from './BodyMap';

/**
 * The side panel's own history: what is shown, and back and forward through what was shown
 * (a panel has no address bar or browser history of its own). Plain data and functions.
 */
export type Route =
  | { readonly view: 'home'; readonly region?: MapRegion }
  | { readonly view: 'entry'; readonly id: string }
  | { readonly view: 'category'; readonly category: Category }
  | { readonly view: 'letter'; readonly letter: string };

export interface History {
  readonly routes: readonly Route[];
  readonly at: number;
}

/** Older steps are forgotten past this many. */
export const HISTORY_LIMIT = 100;

export const HOME: Route = { view: 'home' };

export function startAt(route: Route = HOME): History {
  return { routes: [route], at: 0 };
}

export function currentRoute(history: History): Route {
  return history.routes[history.at] ?? HOME;
}

export function sameRoute(a: Route, b: Route): boolean {
  return hashOf(a) === hashOf(b);
}

/** Goes to a new route: the steps ahead are dropped, as in a browser. */
export function push(history: History, route: Route): History {
  if (sameRoute(currentRoute(history), route)) return history;
  const routes = [...history.routes.slice(0, history.at + 1), route].slice(-HISTORY_LIMIT);
  return { routes, at: routes.length - 1 };
}

/** Changes the current step in place (choosing a region on the map is not a step of its own). */
export function replace(history: History, route: Route): History {
  const routes = [...history.routes];
  routes[history.at] = route;
  return { routes, at: history.at };
}

export const canGoBack = (history: History): boolean => history.at > 0;
export const canGoForward = (history: History): boolean => history.at < history.routes.length - 1;
export const back = (history: History): History => (canGoBack(history) ? { ...history, at: history.at - 1 } : history);
export const forward = (history: History): History => (canGoForward(history) ? { ...history, at: history.at + 1 } : history);

/** A route as an address fragment: `#entry/sciatica`, `#region/knee`, `#category/treatment`, `#letter/k`. */
export function hashOf(route: Route): string {
  switch (route.view) {
    case 'home':
      return route.region ? `#region/${route.region}` : '#';
    case 'entry':
      return `#entry/${route.id}`;
    case 'category':
      return `#category/${route.category}`;
    case 'letter':
      return `#letter/${route.letter}`;
  }
}

/** The route a fragment names; undefined for anything else. */
export function routeFromHash(hash: string): Route | undefined {
  const match = /^#?([a-z]+)\/([A-Za-z0-9-]{1,200})$/.exec(hash);
  if (!match) return hash === '' || hash === '#' ? HOME : undefined;
  const [, view, value] = match as unknown as [string, string, string];
  if (view === 'entry') return { view: 'entry', id: value.toLowerCase() };
  if (view === 'region' && (MAP_REGIONS as readonly string[]).includes(value)) return { view: 'home', region: value as MapRegion };
  if (view === 'category' && (CATEGORIES as readonly string[]).includes(value)) return { view: 'category', category: value as Category };
  if (view === 'letter' && /^[a-z0]$/i.test(value)) return { view: 'letter', letter: value.toUpperCase() };
  return undefined;
}

/** The A–Z index key of a name: its first letter without accents, or "0" for a name that starts with a digit or sign. */
export function letterOf(name: string): string {
  const first = name.normalize('NFD').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '0';
}

export const LETTERS: readonly string[] = ['0', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
export const letterLabel = (letter: string): string => (letter === '0' ? '0–9' : letter);
