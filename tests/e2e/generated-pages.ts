import type { Route } from './server';

/**
 * Pages too big to keep in the repository, made on request: a 10 MB single text node and a DOM
 * 5,000 elements deep, each with PT terms in it.
 */
const PROSE = 'The committee met on Tuesday and the weather was mild; ';

function bigTextNode(): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < 10_000_000; k++) {
    const piece = k % 2000 === 0 ? 'A runner with plantar fasciitis and sciatica asked about stretching. ' : PROSE;
    parts.push(piece);
    size += piece.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A 10 MB text node</title></head><body><p id="big">${parts.join('')}</p><p id="after">After it: tennis elbow.</p></body></html>`;
}

function deepDom(): string {
  const depth = 5000;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>5,000 elements deep</title></head><body><p id="top">Top: carpal tunnel syndrome.</p>${'<div>'.repeat(depth)}<span id="bottom">At the bottom: frozen shoulder.</span>${'</div>'.repeat(depth)}</body></html>`;
}

let big: string | undefined;
export const GENERATED_PAGES: Record<string, Route> = {
  '/generated/big-text-node.html': () => ({ body: (big ??= bigTextNode()) }),
  '/generated/deep-dom.html': () => ({ body: deepDom() }),
};
