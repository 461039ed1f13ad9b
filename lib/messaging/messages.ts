import { browser, type Browser } from 'wxt/browser';
import { isEnvelope, REQUEST_GUARDS, type Envelope, type MessageType, type Reply, type RequestOf, type ResponseOf } from './protocol';

export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>, sender: Browser.runtime.MessageSender) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

/** Sends a typed request to the background and unwraps its reply; a failure becomes an Error. */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { physiolens: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * The background's dispatcher. Pure enough to test without a browser: it takes the message and
 * the sender and returns the reply. A handler runs synchronously up to its first await, which
 * `openSidePanel` needs (Chrome only honours `sidePanel.open` inside the user gesture).
 */
export function createMessageDispatcher(handlers: Handlers, extensionId: string) {
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    if (sender.id !== extensionId) return undefined;
    if (!isEnvelope(message)) {
      return Promise.resolve({ ok: false, error: 'Unknown or malformed message' });
    }
    const guard = REQUEST_GUARDS[message.type] as (data: unknown) => boolean;
    if (!guard(message.data)) return Promise.resolve({ ok: false, error: `Invalid ${message.type} request` });
    const handler = handlers[message.type] as (data: unknown, sender: Browser.runtime.MessageSender) => unknown;
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

export function listenForMessages(handlers: Handlers): () => void {
  const dispatch = createMessageDispatcher(handlers, browser.runtime.id);
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => dispatch(message, sender);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
