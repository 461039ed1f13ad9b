import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Window } from 'happy-dom';
import type { Matcher } from '../lib/matcher/compile';
import { collectTextBlocks, type TextBlock } from '../lib/scanner/blocks';
import { BLOCK_SEPARATOR, blockOffsets, scanBlocks } from '../lib/scanner/scan';

/**
 * `cli scan` on one file, with the content script's own engine and defaults. Offsets are into
 * the file's text: for .txt the file itself (blank lines separate blocks); for .html the page text
 * as the scanner reads it (its blocks joined by a blank line).
 */
export interface FileMatch {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface FileScan {
  readonly file: string;
  /** The text that offsets refer to. */
  readonly text: string;
  readonly matches: FileMatch[];
}

export async function scanFile(file: string, matcher: Matcher, everyOccurrence: boolean): Promise<FileScan> {
  const source = await readFile(file, 'utf8');
  const isHtml = /^\.x?html?$/i.test(extname(file));
  const { blocks, offsets, text } = isHtml ? await htmlBlocks(source) : textBlocks(source);
  const found = scanBlocks(blocks, matcher, { everyOccurrence });
  const position = new Map(blocks.map((block, index) => [block, offsets[index]!]));
  const matches = found.map((term) => {
    const base = position.get(term.block)!;
    const [id, name] = matcher.data.entries[term.entry]!;
    return { id, name, text: text.slice(base + term.start, base + term.end), start: base + term.start, end: base + term.end };
  });
  return { file, text, matches };
}

/** Plain text: blocks are separated by blank lines, offsets are the file's own. */
export function textBlocks(source: string): { blocks: TextBlock[]; offsets: number[]; text: string } {
  const blocks: TextBlock[] = [];
  const offsets: number[] = [];
  const separator = /\n[ \t]*\n/g;
  let start = 0;
  const push = (end: number): void => {
    const text = source.slice(start, end);
    if (/\S/.test(text)) {
      blocks.push({ text, nodes: [], starts: [] });
      offsets.push(start);
    }
  };
  for (const match of source.matchAll(separator)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(source.length);
  return { blocks, offsets, text: source };
}

export async function htmlBlocks(source: string): Promise<{ blocks: TextBlock[]; offsets: number[]; text: string }> {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    window.document.write(source);
    const root = (window.document.body ?? window.document.documentElement) as unknown as Node;
    const blocks = collectTextBlocks(root);
    return { blocks, offsets: blockOffsets(blocks), text: blocks.map((block) => block.text).join(BLOCK_SEPARATOR) };
  } finally {
    await window.happyDOM.close();
  }
}
