/**
 * Splits a DOM tree into blocks of text. Inline elements (em, a, span, ...) continue a block, so
 * "carpal <em>tunnel</em> syndrome" is one piece of text; any other element, and `<br>`, ends it.
 * Zones a reader does not read as prose, or where the page expects to own the text (code,
 * editors, form fields, hidden or not rendered), are skipped. The DOM is only read, never changed.
 */
export interface TextBlock {
  readonly text: string;
  /** The text nodes of the block, in order, and where each begins in `text`. */
  readonly nodes: readonly Text[];
  readonly starts: readonly number[];
}

export interface BlockOptions {
  /** The extension's own UI host, never scanned. */
  readonly isOwnUi?: (element: Element) => boolean;
  /** Also scan open shadow roots (default true). */
  readonly shadowRoots?: boolean;
}

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE', 'KBD',
  'SAMP', 'VAR', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'MATH', 'HEAD', 'TITLE', 'svg',
]);

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL',
  'MARK', 'NOBR', 'Q', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'WBR', 'SLOT',
]);

/** The same zones as a selector, for a quick `closest()` on a changed node. */
export const SKIPPED_SELECTOR =
  'script,style,noscript,template,textarea,input,select,option,button,code,pre,kbd,samp,var,[contenteditable]:not([contenteditable="false"])';

/**
 * Is this element (and everything inside it) out of bounds for highlighting, by its markup? Read
 * with as few DOM calls as possible: this runs for every element of a page. Whether text is
 * rendered at all is asked later, only for the text where a term was found (`isTermShown`).
 */
export function isSkippedElement(element: Element, options: BlockOptions = {}, tagName = element.tagName): boolean {
  if (SKIPPED_TAGS.has(tagName)) return true;
  if (element.hasAttributes()) {
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
  }
  return options.isOwnUi?.(element) === true;
}

/** Time is up: stop at the next safe point and resume later. */
export type Deadline = () => boolean;

export interface BlockCollector {
  /** Walks on until done (returns true) or until the deadline passes (returns false). */
  step(deadline: Deadline): boolean;
  readonly blocks: TextBlock[];
  /** Open shadow roots met on the way (they need the highlight stylesheet and hit-testing). */
  readonly shadowRoots: ShadowRoot[];
  /** Characters of text read so far. */
  readonly characters: number;
}

/** Nodes visited between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 256;

/**
 * A resumable walk: pages can be huge, so the walk can stop at a deadline and go on in the next
 * slice. Iterative, not recursive: pages can nest thousands of elements deep.
 */
export function createBlockCollector(root: Node, options: BlockOptions = {}): BlockCollector {
  const blocks: TextBlock[] = [];
  const shadowRoots: ShadowRoot[] = [];
  let characters = 0;
  // The block's text is joined once at its end: a flat string matches faster than one grown
  // piece by piece.
  let parts: string[] = [];
  let length = 0;
  let nodes: Text[] = [];
  let starts: number[] = [];
  /** A link ended, and only white space has followed: a link starting now is a tag of its own. */
  let afterLink = false;
  /** A word boundary in the block's text where the page has none in its text (see WORD_BREAK). */
  const breakWords = (): void => {
    if (nodes.length > 0 && parts[parts.length - 1] !== WORD_BREAK) {
      parts.push(WORD_BREAK);
      length += WORD_BREAK.length;
    }
  };
  const flush = (): void => {
    afterLink = false;
    if (nodes.length > 0) {
      const text = parts.length === 1 ? parts[0]! : parts.join('');
      if (/\S/.test(text)) blocks.push({ text, nodes, starts });
    }
    parts = [];
    length = 0;
    nodes = [];
    starts = [];
  };
  const stack: (Node | typeof END_OF_BLOCK | typeof END_OF_LINK)[] = [root];

  const step = (deadline: Deadline): boolean => {
    let sinceCheck = 0;
    while (stack.length > 0) {
      if (++sinceCheck >= NODES_PER_CLOCK_CHECK) {
        sinceCheck = 0;
        if (deadline()) return false;
      }
      const node = stack.pop()!;
      if (node === END_OF_BLOCK) {
        flush();
        continue;
      }
      if (node === END_OF_LINK) {
        afterLink = true;
        continue;
      }
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length === 0) continue;
        if (afterLink && /\S/.test(data)) afterLink = false;
        starts.push(length);
        nodes.push(node as Text);
        parts.push(data);
        length += data.length;
        characters += data.length;
        continue;
      }
      if (node.nodeType === 1) {
        const element = node as Element;
        const tagName = element.tagName;
        if (tagName === 'BR') {
          flush();
          continue;
        }
        if (node !== root && isSkippedElement(element, options, tagName)) {
          // Skipped content still separates the text around it: no term spans a code block.
          flush();
          continue;
        }
        if (tagName === 'IMG' || ((tagName === 'SUP' || tagName === 'SUB') && FOOTNOTE_MARK.test(element.textContent ?? ''))) {
          // An inline image (an emoji, an icon) or a footnote mark: the words on each side stay
          // apart ("sciatica¹" is "sciatica"), and the sentence goes on around it.
          breakWords();
          continue;
        }
        if (tagName === 'A') {
          // Tags and chips: links side by side never make one term ("Back" "Pain").
          if (afterLink) breakWords();
          afterLink = false;
          stack.push(END_OF_LINK);
        }
        const inline = INLINE_TAGS.has(tagName);
        if (!inline) {
          flush();
          stack.push(END_OF_BLOCK);
        }
        const shadow = options.shadowRoots === false ? null : element.shadowRoot;
        if (shadow) {
          // Its own blocks: a shadow tree renders apart from the light text around it.
          shadowRoots.push(shadow);
          stack.push(END_OF_BLOCK, shadow, END_OF_BLOCK);
        }
        pushChildren(stack, element);
        continue;
      }
      if (node.nodeType === 9 || node.nodeType === 11) pushChildren(stack, node);
    }
    flush();
    return true;
  };

  return {
    step,
    blocks,
    shadowRoots,
    get characters() {
      return characters;
    },
  };
}

/** Every block under a root, in one go (tests, the CLI, small subtrees). */
export function collectTextBlocks(root: Node, options: BlockOptions = {}): TextBlock[] {
  const collector = createBlockCollector(root, options);
  collector.step(() => false);
  return collector.blocks;
}


const END_OF_BLOCK = Symbol('end of block');
const END_OF_LINK = Symbol('end of link');

/**
 * Put in a block's text where the page separates words with markup only (an image, a footnote
 * mark, two links side by side): a character that is not part of any term, so no term spans it,
 * and that belongs to no text node (offsets after it still map to the page, see locateInBlock).
 */
export const WORD_BREAK = '\ufffc';

/** The text of a footnote reference in <sup> or <sub>: digits, letters a few, daggers, brackets. */
const FOOTNOTE_MARK = /^[\s\d,.\-–*†‡§¶[\]()]{1,8}$/;

function pushChildren(stack: (Node | typeof END_OF_BLOCK | typeof END_OF_LINK)[], parent: Node): void {
  const start = stack.length;
  for (let child = parent.firstChild; child; child = child.nextSibling) stack.push(child);
  // Reverse the pushed children so the first child is popped first.
  for (let low = start, high = stack.length - 1; low < high; low++, high--) {
    const swap = stack[low]!;
    stack[low] = stack[high]!;
    stack[high] = swap;
  }
}

/** The text node and offset of a position in a block's text. */
export function locateInBlock(block: TextBlock, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! < offset || (!preferEnd && starts[mid] === offset)) low = mid;
    else high = mid - 1;
  }
  return { node: nodes[low]!, offset: offset - starts[low]! };
}
