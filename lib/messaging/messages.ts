import { browser, type Browser } from 'wxt/browser';
import {
  BACKGROUND_GUARDS,
  CONTENT_GUARDS,
  isEnvelope,
  type Destination,
  type Envelope,
  type Guards,
  type Reply,
  type ToBackground,
  type ToContent,
} from './protocol';

type AnyMessage = { request: unknown; response: unknown };
export type Sender = Browser.runtime.MessageSender;
export type HandlersFor<P extends { [K in keyof P]: AnyMessage }> = {
  [K in keyof P]: (data: P[K]['request'], sender: Sender) => P[K]['response'] | Promise<P[K]['response']>;
};
export type BackgroundHandlers = HandlersFor<ToBackground>;
export type ContentHandlers = HandlersFor<ToContent>;

const unwrap = <T>(type: string, reply: Reply<T> | undefined): T => {
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};

/** Sends a typed request to the background and unwraps its reply; a failure becomes an Error. */
export async function sendMessage<K extends keyof ToBackground>(type: K, data: ToBackground[K]['request']): Promise<ToBackground[K]['response']> {
  const envelope: Envelope = { physiolens: 1, to: 'background', type, data };
  return unwrap(type, (await browser.runtime.sendMessage(envelope)) as Reply<ToBackground[K]['response']> | undefined);
}

/** Sends a typed request to the content script of a tab's frame (the top frame by default). */
export async function sendTabMessage<K extends keyof ToContent>(
  tabId: number,
  type: K,
  data: ToContent[K]['request'],
  frameId = 0,
): Promise<ToContent[K]['response']> {
  const envelope: Envelope = { physiolens: 1, to: 'content', type, data };
  return unwrap(type, (await browser.tabs.sendMessage(tabId, envelope, { frameId })) as Reply<ToContent[K]['response']> | undefined);
}

/**
 * A context's dispatcher, pure enough to test without a browser: message and sender in, reply
 * out. It answers only messages addressed to its side and sent by this extension; an unknown type
 * or a request that fails its guard gets an error reply, never a throw. A handler runs
 * synchronously up to its first await, which `openSidePanel` needs (Chrome honours
 * `sidePanel.open` only inside the user gesture).
 */
export function createMessageDispatcher<P extends { [K in keyof P]: AnyMessage }>(
  destination: Destination,
  guards: Guards<P>,
  handlers: HandlersFor<P>,
  extensionId: string,
) {
  const reported = new Set<string>();
  const reject = (error: string): Promise<Reply<unknown>> => {
    if (!reported.has(error)) {
      reported.add(error);
      console.warn(`PhysioLens: rejected a message: ${error}`);
    }
    return Promise.resolve({ ok: false, error });
  };
  return (message: unknown, sender: Sender): Promise<Reply<unknown>> | undefined => {
    if (sender.id !== extensionId) return undefined;
    if (!isEnvelope(message)) return reject('Unknown or malformed message');
    if (message.to !== destination) return undefined;
    if (!Object.hasOwn(guards, message.type)) return reject(`Unknown message type "${message.type.slice(0, 40)}"`);
    const type = message.type as keyof P;
    if (!guards[type](message.data)) return reject(`Invalid ${String(type)} request`);
    const handler = handlers[type] as (data: unknown, sender: Sender) => unknown;
    try {
      return Promise.resolve(handler(message.data, sender)).then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (error: unknown): Reply<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    } catch (error) {
      return Promise.resolve({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
}

function listen(dispatch: (message: unknown, sender: Sender) => Promise<Reply<unknown>> | undefined): () => void {
  const listener = (message: unknown, sender: Sender) => dispatch(message, sender);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export function listenForBackgroundMessages(handlers: BackgroundHandlers): () => void {
  return listen(createMessageDispatcher('background', BACKGROUND_GUARDS, handlers, browser.runtime.id));
}

export function listenForContentMessages(handlers: ContentHandlers): () => void {
  return listen(createMessageDispatcher('content', CONTENT_GUARDS, handlers, browser.runtime.id));
}
