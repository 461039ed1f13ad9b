import type { ComponentChildren } from 'preact';
import type { Block, Inline } from '../lib/kb/types';

export interface RichTextProps {
  readonly blocks: readonly Block[];
  /** Follows a link to another entry. */
  readonly onOpenEntry: (id: string) => void;
  /** Names of entries by id, for link titles; unknown targets render as plain text. */
  readonly knownIds?: ReadonlySet<string>;
}

/** Renders the KB's compiled Markdown tree as elements: no HTML string is ever injected. */
export function RichText({ blocks, onOpenEntry, knownIds }: RichTextProps) {
  const inline = (nodes: readonly Inline[]): ComponentChildren =>
    nodes.map((node, index) => {
      if (typeof node === 'string') return node;
      const children = inline(node.children);
      switch (node.type) {
        case 'strong':
          return <strong key={index}>{children}</strong>;
        case 'em':
          return <em key={index}>{children}</em>;
        case 'link':
          return (
            <a key={index} href={node.href} target="_blank" rel="noopener noreferrer">
              {children}
            </a>
          );
        case 'entry-link':
          if (knownIds && !knownIds.has(node.id)) return <span key={index}>{children}</span>;
          return (
            <a
              key={index}
              href={`#entry/${node.id}`}
              class="entry-link"
              onClick={(event) => {
                event.preventDefault();
                onOpenEntry(node.id);
              }}
            >
              {children}
            </a>
          );
      }
    });
  return (
    <>
      {blocks.map((block, index) =>
        block.type === 'paragraph' ? (
          <p key={index}>{inline(block.children)}</p>
        ) : (
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}
