import type { Block, Inline } from './types';

/**
 * The small Markdown subset the KB allows (data/README.md): paragraphs, `- ` lists, `**bold**`,
 * `*emphasis*` and links, compiled to a tree. Anything else is reported, not passed through,
 * so no HTML ever reaches a page.
 */
export interface MarkdownResult {
  readonly blocks: Block[];
  readonly problems: string[];
}

const FORBIDDEN_LINE_STARTS: readonly [RegExp, string][] = [
  [/^#/, 'headings below ## are not allowed'],
  [/^\s*\|/, 'tables are not allowed'],
  [/^\s*(\d+\.|\*|\+)\s/, 'only "- " lists are allowed'],
  [/^\s*>/, 'block quotes are not allowed'],
  [/^\s*```/, 'code blocks are not allowed'],
];

export function parseMarkdownBlocks(source: string): MarkdownResult {
  const blocks: Block[] = [];
  const problems: string[] = [];
  let paragraph: string[] = [];
  let items: string[] | null = null;

  const flush = (): void => {
    if (paragraph.length > 0) {
      blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' '), problems) });
      paragraph = [];
    }
    if (items) {
      blocks.push({ type: 'list', items: items.map((item) => parseInline(item, problems)) });
      items = null;
    }
  };

  for (const rawLine of source.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    const forbidden = FORBIDDEN_LINE_STARTS.find(([pattern]) => pattern.test(line));
    if (forbidden) {
      problems.push(`${forbidden[1]}: "${line.trim().slice(0, 60)}"`);
      continue;
    }
    const bullet = /^- (.*)$/.exec(line);
    if (bullet) {
      if (paragraph.length > 0) flush();
      items ??= [];
      items.push(bullet[1]!.trim());
    } else if (items && /^\s+\S/.test(line)) {
      items[items.length - 1] += ' ' + line.trim();
    } else {
      if (items) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return { blocks, problems };
}

const INLINE_TOKEN = /\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)|<\/?[a-zA-Z][^>]*>|!\[|`/g;

export function parseInline(text: string, problems: string[]): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const token of text.matchAll(INLINE_TOKEN)) {
    const index = token.index;
    if (index > last) out.push(text.slice(last, index));
    last = index + token[0].length;
    const [whole, strong, em, linkText, href] = token;
    if (strong !== undefined) {
      out.push({ type: 'strong', children: parseInline(strong, problems) });
    } else if (em !== undefined) {
      out.push({ type: 'em', children: parseInline(em, problems) });
    } else if (linkText !== undefined && href !== undefined) {
      const children = parseInline(linkText, problems);
      if (href.startsWith('entry:')) out.push({ type: 'entry-link', id: href.slice('entry:'.length), children });
      else if (href.startsWith('https://')) out.push({ type: 'link', href, children });
      else problems.push(`link "${href}" must be entry:<id> or https://`);
    } else {
      problems.push(`"${whole}" is not allowed (no HTML, images or code)`);
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The plain text of inline content, for search, readability and screen readers. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((node) => (typeof node === 'string' ? node : inlineText(node.children))).join('');
}

export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => (block.type === 'paragraph' ? inlineText(block.children) : block.items.map(inlineText).join('\n')))
    .join('\n');
}

/** Every `entry:` link target in some blocks. */
export function entryLinks(blocks: readonly Block[]): string[] {
  const ids: string[] = [];
  const walk = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node.type === 'entry-link') ids.push(node.id);
      walk(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') walk(block.children);
    else block.items.forEach(walk);
  }
  return ids;
}
