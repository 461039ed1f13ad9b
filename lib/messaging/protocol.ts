import type { EntryCard } from '../kb/types';
import type { PageStatus } from '../scanner/live';

export type { PageStatus };

/**
 * The one message protocol between the extension's contexts (DESIGN.md decision 6). Messages are
 * named by what they ask; every request has a guard, and a handler only ever sees a request that
 * passed it.
 */
export interface ToBackground {
  /** Content script → background: the tooltip cards of the entries found on a page. */
  getEntryCards: { request: { ids: string[] }; response: EntryCard[] };
  /** Content script → background: open the side panel on an entry (from a click). */
  openSidePanel: { request: { entryId: string }; response: { opened: boolean } };
  /** Content script → background: what this frame found, for the badge and "terms on this page". */
  reportPage: { request: PageReport; response: { recorded: boolean } };
}


export interface PageTerm {
  readonly id: string;
  readonly count: number;
}

/** What a frame's content script found, and what its scan cost. */
export interface PageReport {
  readonly status: PageStatus;
  readonly terms: readonly PageTerm[];
  readonly stats: {
    /** Main-thread time of the scans: every slice (walk, match, paint) and the change observer. */
    readonly mainThreadMs: number;
    /** Main-thread time of the one-off setup: unpacking the term data and compiling the matcher. */
    readonly setupMs: number;
    /** Of mainThreadMs: reading the DOM, matching, and choosing and painting. */
    readonly walkMs: number;
    readonly matchMs: number;
    readonly paintMs: number;
    readonly slices: number;
    readonly longestSliceMs: number;
    readonly blocks: number;
    readonly characters: number;
    readonly scans: number;
    readonly firstScanWallMs: number;
  };
}

/** Messages a frame's content script answers (sent to a tab with `sendTabMessage`). */
export interface ToContent {
  /** Popup / side panel → page: scroll to the first painted occurrence of an entry and flash it. */
  showTermOnPage: { request: { entryId: string }; response: { found: boolean } };
  /** Keyboard command → page: focus the first term on screen and show its tooltip. */
  focusFirstTerm: { request: Record<string, never>; response: { found: boolean } };
  /** Background → page: is a content script of this extension running here? */
  ping: { request: Record<string, never>; response: { alive: true } };
}

export type Destination = 'background' | 'content';
export interface ProtocolOf {
  background: ToBackground;
  content: ToContent;
}
type AnyMessage = { request: unknown; response: unknown };
export type RequestIn<P extends { [K in keyof P]: AnyMessage }, K extends keyof P> = P[K]['request'];
export type ResponseIn<P extends { [K in keyof P]: AnyMessage }, K extends keyof P> = P[K]['response'];
export type Guards<P extends { [K in keyof P]: AnyMessage }> = { [K in keyof P]: (data: unknown) => data is P[K]['request'] };

const MAX_ID_LENGTH = 200;
const isEntryId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && /^[a-z0-9-]+$/.test(value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const BACKGROUND_GUARDS: Guards<ToBackground> = {
  getEntryCards: (data): data is ToBackground['getEntryCards']['request'] =>
    isObject(data) && Array.isArray(data.ids) && data.ids.length <= 5000 && data.ids.every(isEntryId),
  openSidePanel: (data): data is ToBackground['openSidePanel']['request'] => isObject(data) && isEntryId(data.entryId),
  reportPage: (data): data is ToBackground['reportPage']['request'] =>
    isObject(data) &&
    (data.status === 'scanning' || data.status === 'ready' || data.status === 'stopped') &&
    Array.isArray(data.terms) &&
    data.terms.length <= 5000 &&
    data.terms.every((term) => isObject(term) && isEntryId(term.id) && Number.isInteger(term.count) && (term.count as number) >= 0) &&
    isObject(data.stats) &&
    ['mainThreadMs', 'setupMs', 'walkMs', 'matchMs', 'paintMs', 'slices', 'longestSliceMs', 'blocks', 'characters', 'scans', 'firstScanWallMs'].every(
      (key) => typeof (data.stats as Record<string, unknown>)[key] === 'number' && Number.isFinite((data.stats as Record<string, unknown>)[key]),
    ),
};

export const CONTENT_GUARDS: Guards<ToContent> = {
  showTermOnPage: (data): data is ToContent['showTermOnPage']['request'] => isObject(data) && isEntryId(data.entryId),
  focusFirstTerm: (data): data is ToContent['focusFirstTerm']['request'] => isObject(data) && Object.keys(data).length === 0,
  ping: (data): data is ToContent['ping']['request'] => isObject(data) && Object.keys(data).length === 0,
};

/** What travels on the wire. The marker keeps foreign messages out; `to` says which side answers. */
export interface Envelope {
  readonly physiolens: 1;
  readonly to: Destination;
  readonly type: string;
  readonly data: unknown;
}

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function isEnvelope(message: unknown): message is Envelope {
  return (
    isObject(message) &&
    message.physiolens === 1 &&
    (message.to === 'background' || message.to === 'content') &&
    typeof message.type === 'string' &&
    message.type.length <= 100
  );
}
