import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

/**
 * A tiny static server for the e2e pages, on 127.0.0.1 and a free port. A page may come with a
 * `<page>.headers.json` beside it (extra response headers, e.g. a strict CSP), and pages can be
 * generated on request (`routes`, for very large or deep documents).
 */
export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

export type Route = () => { body: string; type?: string; headers?: Record<string, string> };

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };

export async function startPageServer(root: string, routes: Record<string, Route> = {}): Promise<PageServer> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const route = routes[path];
    if (route) {
      const { body, type, headers } = route();
      response.writeHead(200, { 'content-type': type ?? TYPES['.html']!, ...headers });
      response.end(body);
      return;
    }
    Promise.all([readFile(join(root, path)), readFile(join(root, `${path}.headers.json`), 'utf8').catch(() => '{}')]).then(
      ([body, headers]) => {
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...(JSON.parse(headers) as Record<string, string>) });
        response.end(body);
      },
      () => {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
