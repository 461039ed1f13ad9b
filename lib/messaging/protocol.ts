import type { EntryCard } from '../kb/types';
import type { PageStatus } from '../scanner/live';

export type { PageStatus };

/**
 * The one message protocol between the extension's contexts (DESIGN.md decision 6). Messages are
 * named by what they ask; every request has a guard, and a handler only ever sees a request that
 * passed it.
 */
export interface Protocol {
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
    /** Main-thread time of the content script's work: setup (term data, matcher) and every scan slice. */
    readonly mainThreadMs: number;
    readonly slices: number;
    readonly longestSliceMs: number;
    readonly blocks: number;
    readonly characters: number;
    readonly scans: number;
    readonly firstScanWallMs: number;
  };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

const MAX_ID_LENGTH = 200;
const isEntryId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && /^[a-z0-9-]+$/.test(value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const REQUEST_GUARDS: { [K in MessageType]: (data: unknown) => data is RequestOf<K> } = {
  getEntryCards: (data): data is RequestOf<'getEntryCards'> =>
    isObject(data) && Array.isArray(data.ids) && data.ids.length <= 5000 && data.ids.every(isEntryId),
  openSidePanel: (data): data is RequestOf<'openSidePanel'> => isObject(data) && isEntryId(data.entryId),
  reportPage: (data): data is RequestOf<'reportPage'> =>
    isObject(data) &&
    (data.status === 'scanning' || data.status === 'ready' || data.status === 'stopped') &&
    Array.isArray(data.terms) &&
    data.terms.length <= 5000 &&
    data.terms.every((term) => isObject(term) && isEntryId(term.id) && Number.isInteger(term.count) && (term.count as number) >= 0) &&
    isObject(data.stats) &&
    ['mainThreadMs', 'slices', 'longestSliceMs', 'blocks', 'characters', 'scans', 'firstScanWallMs'].every(
      (key) => typeof (data.stats as Record<string, unknown>)[key] === 'number' && Number.isFinite((data.stats as Record<string, unknown>)[key]),
    ),
};

/** What travels on the wire. The marker keeps foreign messages out. */
export interface Envelope<K extends MessageType = MessageType> {
  readonly physiolens: 1;
  readonly type: K;
  readonly data: RequestOf<K>;
}

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function isEnvelope(message: unknown): message is Envelope {
  return isObject(message) && message.physiolens === 1 && typeof message.type === 'string' && Object.hasOwn(REQUEST_GUARDS, message.type);
}
