import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTextGenerator, type Segment, type TextGenerator } from './corpus';
import { sizeLabel } from './report';

/**
 * Generated article pages for the in-browser measurements: sections with headings, paragraphs
 * with inline markup, lists and tables, and PT terms, some of them split by an inline tag
 * ("carpal <em>tunnel</em> syndrome") as real pages do. Sized by the characters of text they
 * show, not by their HTML.
 */
export interface GeneratedPage {
  readonly name: string;
  readonly label: string;
  /** Characters of text in headings, paragraphs, list items and cells. */
  readonly characters: number;
  readonly htmlBytes: number;
  /** Term segments written, and how many of them were split by an inline tag. */
  readonly terms: number;
  readonly splitTerms: number;
}

const INLINE = ['em', 'strong', 'span', 'a', 'b', 'i'] as const;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function openTag(tag: (typeof INLINE)[number], generator: TextGenerator): string {
  if (tag === 'a') return `<a href="#ref-${generator.integer(1, 999)}">`;
  if (tag === 'span') return '<span class="aside">';
  return `<${tag}>`;
}

class PageWriter {
  readonly parts: string[] = [];
  characters = 0;
  terms = 0;
  splitTerms = 0;

  constructor(private readonly generator: TextGenerator) {}

  /** Text with inline markup: a few words wrapped, terms sometimes wrapped whole or split. */
  inline(segments: readonly Segment[]): string {
    const { generator } = this;
    let html = '';
    for (const segment of segments) {
      if (typeof segment === 'string') {
        this.characters += segment.length;
        html += segment
          .split(' ')
          .map((word) => {
            if (word.length < 4 || !generator.chance(0.03)) return escapeHtml(word);
            const tag = INLINE[generator.integer(0, INLINE.length - 1)]!;
            return `${openTag(tag, generator)}${escapeHtml(word)}</${tag}>`;
          })
          .join(' ');
        continue;
      }
      const term = segment.term;
      this.characters += term.length;
      this.terms++;
      const words = term.split(' ');
      if (words.length > 1 && generator.chance(0.3)) {
        // "carpal <em>tunnel</em> syndrome": one word of the term in its own inline element.
        const split = generator.integer(0, words.length - 1);
        const tag = INLINE[generator.integer(0, INLINE.length - 1)]!;
        html += words.map((word, index) => (index === split ? `${openTag(tag, generator)}${escapeHtml(word)}</${tag}>` : escapeHtml(word))).join(' ');
        this.splitTerms++;
      } else if (generator.chance(0.15)) {
        const tag = INLINE[generator.integer(0, INLINE.length - 1)]!;
        html += `${openTag(tag, generator)}${escapeHtml(term)}</${tag}>`;
      } else {
        html += escapeHtml(term);
      }
    }
    return html;
  }

  block(tag: string, segments: readonly Segment[]): void {
    this.parts.push(`<${tag}>${this.inline(segments)}</${tag}>`);
  }

  list(): void {
    const items = this.generator.integer(3, 6);
    this.parts.push('<ul>');
    for (let item = 0; item < items; item++) this.block('li', this.generator.sentence());
    this.parts.push('</ul>');
  }

  table(): void {
    const { generator } = this;
    const columns = generator.integer(3, 4);
    const rows = generator.integer(3, 7);
    this.parts.push('<table><thead><tr>');
    for (let column = 0; column < columns; column++) this.block('th', generator.heading());
    this.parts.push('</tr></thead><tbody>');
    for (let row = 0; row < rows; row++) {
      this.parts.push('<tr>');
      for (let column = 0; column < columns; column++) this.block('td', generator.cell());
      this.parts.push('</tr>');
    }
    this.parts.push('</tbody></table>');
  }
}

const STYLE =
  'body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:0 auto;padding:0 1rem;color:#222}' +
  'table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:2px 6px}.aside{color:#555}';

export function generatePageHtml(characters: number, seed: number, terms: readonly string[]): { html: string; page: Omit<GeneratedPage, 'name' | 'htmlBytes'> } {
  const generator = createTextGenerator({ seed, terms, ptShare: 0.15 });
  const writer = new PageWriter(generator);
  const title = `Benchmark page, ${sizeLabel(characters)} of text`;
  writer.parts.push(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body>`);
  writer.parts.push(`<header><h1>${title}</h1></header><main>`);
  while (writer.characters < characters) {
    writer.parts.push('<article>');
    writer.block('h2', generator.heading());
    const blocks = generator.integer(4, 10);
    for (let index = 0; index < blocks && writer.characters < characters; index++) {
      const kind = generator.integer(1, 100);
      if (kind <= 10) writer.list();
      else if (kind <= 16) writer.table();
      else writer.block('p', generator.paragraph());
    }
    writer.parts.push('</article>');
  }
  writer.parts.push('</main></body></html>\n');
  return { html: writer.parts.join('\n'), page: { label: sizeLabel(characters), characters: writer.characters, terms: writer.terms, splitTerms: writer.splitTerms } };
}

/** Writes one page per size into `dir`. */
export function writePages(dir: string, sizes: readonly number[], terms: readonly string[]): GeneratedPage[] {
  return sizes.map((characters, index) => {
    const { html, page } = generatePageHtml(characters, 7_000 + index, terms);
    const name = `page-${page.label.replace(' ', '').toLowerCase()}.html`;
    writeFileSync(join(dir, name), html);
    return { ...page, name, htmlBytes: Buffer.byteLength(html) };
  });
}
