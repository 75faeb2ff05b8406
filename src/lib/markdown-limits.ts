/**
 * Limits that keep markdown cheap to render, checked by one linear pass over the text.
 *
 * react-markdown parses with micromark, whose running time grows with the square (or worse) of
 * a few shapes of input: deeply nested quotes and lists ("> > > …", which also overflows the
 * stack), quotes and nested lists that end again and again, lines that continue a quote or list
 * without its marker ("lazy" lines), headings underlined with = or -, paragraphs dense with
 * * _ [ ] < ` marks, and many link definitions looked up by many brackets. A few kilobytes of
 * such text kept a server render busy for seconds, so every markdown field is checked when it is
 * written, and text stored before these checks is shown as plain text when it fails them.
 *
 * The estimates err on the side of more work, never less, so text that passes renders quickly;
 * the budgets are far above what people write by hand.
 */

export const MAX_MARKDOWN_DEPTH = 12;

/** Longer text is shown as plain text: every markdown field allows at most 50,000 characters. */
export const MAX_RENDERED_MARKDOWN_LENGTH = 60_000;

export type MarkdownLimit = "depth" | "blocks" | "lazyLines" | "setextHeadings" | "formatting";

export const MARKDOWN_LIMIT_MESSAGES: Record<MarkdownLimit, string> = {
  depth: `Quotes and lists can be nested at most ${MAX_MARKDOWN_DEPTH} deep.`,
  blocks: "Too many quotes and nested lists start and end in this text. Join some of them, or split the text into several posts.",
  lazyLines:
    "A quote or list item goes on for too many lines without “>” or indentation at their start. Start each of its lines with “>” (or indent it), or break it up with blank lines.",
  setextHeadings: "Too many lines are underlined with “=” or “-” to make them headings. Start headings with “#” instead.",
  formatting:
    "One paragraph has too many formatting marks (such as * _ [ ] < `). Break it into shorter paragraphs, or put a \\ before marks that are not meant as formatting.",
};

/*
 * Budgets, in rough units of work. Measured with micromark 4 on a busy 2-core machine, using up
 * a budget with the worst input of its kind costs at most about 150 ms; ordinary prose of
 * 50,000 characters takes longer than that to render anyway.
 */
/** Σ, over quotes and nested lists that end, of the lines before (micromark rewrites its event list). */
const BLOCK_EXIT_BUDGET = 400_000;
/** Σ, over setext underlines, of the lines before them (the same rewrite). */
const SETEXT_BUDGET = 400_000;
/** Σ, over lazy lines, of the lines of their paragraph so far (micromark rescans them). */
const LAZY_LINE_BUDGET = 600_000;
/** Inline work: weighted squares of the marks per paragraph, plus characters scanned by links and code. */
const FORMATTING_BUDGET = 100_000_000;
const MARK_PAIR_COST = 20;
/** Per mark between emphasis and its opener: it walks back over them and re-reads what it wraps. */
const EMPHASIS_SPAN_COST = 700;
/** Per mark walked back over by * or _ that finds nothing to close. */
const EMPHASIS_WALK_COST = 40;
/** Each closing bracket compares its label with every link definition. */
const DEFINITION_LOOKUP_COST = 20;

const SPACE = 0x20;
const TAB = 0x09;

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

const OTHER = 0;
const WHITESPACE = 1;
const PUNCTUATION = 2;

/** How micromark classifies the character on either side of a run of * or _ (a missing one is whitespace). */
function characterClass(char: string | undefined): number {
  if (char === undefined || /\s/.test(char)) return WHITESPACE;
  return /[\p{P}\p{S}]/u.test(char) ? PUNCTUATION : OTHER;
}

/** Whether a run of * or _ can open and close emphasis, by CommonMark's flanking rules as micromark applies them. */
function emphasisFlanking(marker: string, before: number, after: number): { open: boolean; close: boolean } {
  const open = after === OTHER || (after === PUNCTUATION && before !== OTHER);
  const close = before === OTHER || (before === PUNCTUATION && after !== OTHER);
  if (marker === "*") return { open, close };
  return { open: open && (before !== OTHER || !close), close: close && (after !== OTHER || !open) };
}

/** A run of * or _ that can still open emphasis. */
interface Opener {
  /** How many marks of the paragraph came before it. */
  mark: number;
  size: number;
  left: number;
  canClose: boolean;
}

/** What a line starts with: its quote and list markers, and where its text begins. */
interface LinePrefix {
  quotes: number;
  markers: number;
  /** Columns of indentation in the prefix (tabs to the next multiple of 4). */
  indent: number;
  /** Index where the text begins, after every marker. */
  textStart: number;
  /** Index where the text begins when the line's list markers are read as text. */
  textStartWithMarkers: number;
  /** Column of textStart. */
  textColumn: number;
  /** Column of textStartWithMarkers: where a continuation line's text begins. */
  columnWithMarkers: number;
  /** Column of the first list marker, -1 when there is none. */
  markerColumn: number;
  /** Quotes and indentation before the first list marker: the containers it is inside. */
  quotesBeforeMarker: number;
  indentBeforeMarker: number;
  /** A bullet, or an ordered list starting at 1: the only list items that can end a paragraph. */
  markerCanInterrupt: boolean;
  /** Column of the `>` that would open the quote numbered `watchedQuote`, -1 when there is none. */
  watchedQuoteColumn: number;
  thematicBreak: boolean;
  setextUnderline: boolean;
}

/**
 * Reads the container prefix of source[start, end). Linear in the prefix: whether the rest is a
 * thematic break (--- or * * *) or a setext underline is decided from facts gathered once per line.
 */
function readPrefix(source: string, start: number, end: number, watchedQuote: number): LinePrefix {
  let contentEnd = end;
  while (contentEnd > start && isSpaceOrTab(source.charCodeAt(contentEnd - 1))) contentEnd -= 1;
  // The longest tail of the line made of one of - * _ (and spaces): a thematic break if it holds 3.
  const last = contentEnd > start ? source[contentEnd - 1] : "";
  let breakStart = contentEnd;
  let breakCount = 0;
  if (last === "-" || last === "*" || last === "_") {
    for (let index = contentEnd - 1; index >= start; index -= 1) {
      const char = source[index];
      if (char === last) {
        breakCount += 1;
        breakStart = index;
      } else if (char !== " " && char !== "\t") break;
    }
  }
  // The run of one character that ends the line: a setext underline if it is = or - and starts the text.
  let runStart = contentEnd;
  while (runStart > start && source[runStart - 1] === last) runStart -= 1;

  const prefix: LinePrefix = {
    quotes: 0,
    markers: 0,
    indent: 0,
    textStart: start,
    textStartWithMarkers: start,
    textColumn: 0,
    columnWithMarkers: 0,
    markerColumn: -1,
    quotesBeforeMarker: 0,
    indentBeforeMarker: 0,
    markerCanInterrupt: false,
    watchedQuoteColumn: -1,
    thematicBreak: false,
    setextUnderline: false,
  };
  let index = start;
  let column = 0;
  // The space after a list marker belongs to the marker, like the optional one after ">".
  let markerSpace = false;
  for (;;) {
    while (index < end && isSpaceOrTab(source.charCodeAt(index))) {
      const width = source.charCodeAt(index) === TAB ? 4 - (column % 4) : 1;
      column += width;
      prefix.indent += markerSpace ? width - 1 : width;
      markerSpace = false;
      index += 1;
    }
    markerSpace = false;
    if (prefix.markers === 0) {
      prefix.textStartWithMarkers = index;
      prefix.columnWithMarkers = column;
    }
    if (index >= end) break;
    const char = source[index];
    if (char === ">") {
      prefix.quotes += 1;
      if (prefix.quotes === watchedQuote) prefix.watchedQuoteColumn = column;
      index += 1;
      column += 1;
      if (source[index] === " ") {
        index += 1;
        column += 1;
      }
      continue;
    }
    if (index === runStart && (last === "=" || last === "-")) {
      prefix.setextUnderline = true;
      break;
    }
    if (index === breakStart && breakCount >= 3) {
      prefix.thematicBreak = true;
      break;
    }
    let markerEnd = -1;
    let canInterrupt = true;
    if (char === "-" || char === "*" || char === "+") {
      markerEnd = index + 1;
    } else if (isDigit(source.charCodeAt(index))) {
      let digits = index;
      while (digits < end && digits - index < 9 && isDigit(source.charCodeAt(digits))) digits += 1;
      if (source[digits] === "." || source[digits] === ")") {
        markerEnd = digits + 1;
        canInterrupt = Number(source.slice(index, digits)) === 1;
      }
    }
    if (markerEnd < 0 || (markerEnd < end && !isSpaceOrTab(source.charCodeAt(markerEnd)))) break;
    if (prefix.markers === 0) {
      prefix.markerColumn = column;
      prefix.quotesBeforeMarker = prefix.quotes;
      prefix.indentBeforeMarker = prefix.indent;
      prefix.markerCanInterrupt = canInterrupt;
    }
    prefix.markers += 1;
    column += markerEnd - index;
    index = markerEnd;
    markerSpace = true;
  }
  prefix.textStart = index;
  prefix.textColumn = column;
  return prefix;
}

/** The inline work of one paragraph (its lines joined by "\n"), in the units of FORMATTING_BUDGET. */
function inlineCost(text: string, counts: { closingBrackets: number }): number {
  let marks = 0;
  let emphasisSpans = 0;
  let emphasisWalks = 0;
  let scanned = 0;
  const openers: Record<string, Opener[]> = { "*": [], _: [] };
  const openBrackets: number[] = [];
  const backtickRuns = new Set<number>();
  // Where the next space, line break or control character is, at or after an index that only grows.
  let nextSpace = -1;
  const spaceAtOrAfter = (from: number) => {
    if (from > nextSpace) {
      nextSpace = from;
      while (nextSpace < text.length && text.charCodeAt(nextSpace) > SPACE && text.charCodeAt(nextSpace) !== 0x7f) nextSpace += 1;
    }
    return nextSpace;
  };

  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    switch (char) {
      case "\\":
        marks += 1;
        if (isAsciiPunctuation(text.charCodeAt(index + 1))) index += 1;
        break;
      case "*":
      case "_":
      case "`": {
        let end = index + 1;
        while (text[end] === char) end += 1;
        if (char === "`") {
          marks += 1;
          backtickRuns.add(end - index);
        } else {
          // Surrogate pairs are whole characters to micromark, so look at the full code point before.
          const before = (text.codePointAt(index - 2) ?? 0) > 0xffff ? text.slice(index - 2, index) : text[index - 1];
          const after = String.fromCodePoint(text.codePointAt(end) ?? 0x20);
          const { open, close } = emphasisFlanking(char!, characterClass(before), characterClass(after));
          const mark = marks;
          const size = end - index;
          // Each * or _ of a run can open or close one more level of emphasis.
          marks += size;
          let left = size;
          const stack = openers[char!]!;
          while (close && left > 0) {
            const opener = stack.at(-1);
            const ruleOfThree =
              opener && (opener.canClose || open) && (opener.size + size) % 3 === 0 && (opener.size % 3 !== 0 || size % 3 !== 0);
            if (!opener || ruleOfThree) {
              // micromark walks back to the start of the paragraph, or past this opener to one further back.
              if (opener) emphasisSpans += mark;
              else emphasisWalks += mark;
              break;
            }
            emphasisSpans += mark - opener.mark;
            const used = opener.left > 1 && left > 1 ? 2 : 1;
            opener.left -= used;
            left -= used;
            if (opener.left === 0) stack.pop();
            // Emphasis does not cross: openers of the other kind inside it can no longer match.
            const other = openers[char === "*" ? "_" : "*"]!;
            while ((other.at(-1)?.mark ?? -1) > opener.mark) other.pop();
          }
          if (open && left > 0) stack.push({ mark, size, left, canClose: close });
        }
        index = end - 1;
        break;
      }
      case "!":
        if (text[index + 1] === "[") {
          marks += 1;
          openBrackets.push(index + 1);
          index += 1;
        }
        break;
      case "[":
        marks += 1;
        openBrackets.push(index);
        break;
      case "]": {
        marks += 1;
        counts.closingBrackets += 1;
        const open = openBrackets.pop();
        if (open !== undefined) {
          // The label is normalised to look it up as a reference…
          scanned += index - open;
          // …and a ( after it is read as a link destination up to the next space.
          if (text[index + 1] === "(") scanned += spaceAtOrAfter(index + 2) - index;
        }
        break;
      }
      case "<":
      case "&":
        marks += 1;
        break;
    }
  }
  // A run of backticks with no later run of the same length scans to the end of the paragraph.
  scanned += backtickRuns.size * text.length;
  return MARK_PAIR_COST * marks * marks + EMPHASIS_SPAN_COST * emphasisSpans + EMPHASIS_WALK_COST * emphasisWalks + scanned;
}

/** The first limit the text goes beyond, or null when it renders quickly. */
export function markdownLimitExceeded(source: string): MarkdownLimit | null {
  let blockExitCost = 0;
  let setextCost = 0;
  let lazyCost = 0;
  let formattingCost = 0;
  let definitions = 0;
  const counts = { closingBrackets: 0 };
  let lineCount = 0;

  // The open paragraph, as lines of text, and where its first line put it.
  let paragraph = null as string[] | null;
  let paragraphLines = 0;
  let paragraphQuotes = 0;
  let paragraphColumn = 0;
  let paragraphMarkerColumn = -1;
  const closeParagraph = () => {
    if (paragraph) formattingCost += inlineCost(paragraph.join("\n"), counts);
    paragraph = null;
  };

  // Lists, and quotes and lists together, open after the last line that was neither blank nor a
  // paragraph's continuation: over-estimates, as indentation can only keep open a list that a
  // marker opened, at two columns or more a level. And the column of the list marker that opened
  // each, to tell the next item of a list from a list that ends.
  let lists = 0;
  let containers = 0;
  let quotes = 0;
  const markerColumns: number[] = [];

  let start = 0;
  while (start <= source.length) {
    let end = start;
    while (end < source.length && source[end] !== "\n" && source[end] !== "\r") end += 1;
    const next = source[end] === "\r" && source[end + 1] === "\n" ? end + 2 : end + 1;
    lineCount += 1;

    const open = paragraph;
    const prefix = readPrefix(source, start, end, paragraphQuotes + 1);
    const indent = prefix.markers > 0 ? prefix.indentBeforeMarker : prefix.indent;
    // Counting four columns a level, not two, lets lists indented by 2 nest deeper rather than
    // refusing lists indented by 4 early; the work stays bounded all the same.
    if (prefix.quotes + prefix.markers + Math.min(Math.floor(indent / 4), lists) > MAX_MARKDOWN_DEPTH) return "depth";

    let textEnd = end;
    while (textEnd > prefix.textStart && isSpaceOrTab(source.charCodeAt(textEnd - 1))) textEnd -= 1;
    const blankText = textEnd === prefix.textStart;
    const lineText = source.slice(prefix.textStart, end);
    if (lineText.startsWith("[") && lineText.includes("]:")) definitions += 1;
    // Blocks other than list items and quotes end a paragraph only when indented less than code.
    const block = !open || prefix.textColumn <= paragraphColumn + 3;
    let continuesParagraph = false;
    let htmlMayStart = false;

    if (open && prefix.setextUnderline && block) {
      setextCost += lineCount;
      if (setextCost > SETEXT_BUDGET) return "setextHeadings";
      closeParagraph();
    } else if (blankText && (prefix.markers === 0 || !open)) {
      // A blank line ends a paragraph; so does an empty list item when no paragraph is open.
      closeParagraph();
    } else if (prefix.thematicBreak && block) {
      closeParagraph();
    } else {
      const first = source[prefix.textStart];
      const heading = /^#{1,6}(?:[ \t]|$)/.test(source.slice(prefix.textStart, Math.min(end, prefix.textStart + 7)));
      const fence = (first === "`" || first === "~") && source.startsWith(first.repeat(3), prefix.textStart);
      // Does this line start a new block, or continue the open paragraph (perhaps lazily)?
      const interrupts =
        !open ||
        ((heading || fence) && block) ||
        (prefix.quotes > paragraphQuotes && prefix.watchedQuoteColumn <= paragraphColumn + 3) ||
        (prefix.markers > 0 &&
          !blankText &&
          ((prefix.markerCanInterrupt && prefix.markerColumn <= paragraphColumn + 3) || prefix.markerColumn === paragraphMarkerColumn));
      if (interrupts) {
        closeParagraph();
        paragraph = [lineText];
        paragraphLines = 1;
        paragraphQuotes = prefix.quotes;
        paragraphColumn = prefix.textColumn;
        paragraphMarkerColumn = prefix.markerColumn;
      } else if (open) {
        open.push(source.slice(prefix.textStartWithMarkers, end));
        paragraphLines += 1;
        continuesParagraph = true;
        // An HTML block can start here, which the estimate of paragraphs does not follow.
        htmlMayStart = source[prefix.textStartWithMarkers] === "<";
        if (prefix.quotes < paragraphQuotes || prefix.columnWithMarkers < paragraphColumn) {
          lazyCost += paragraphLines;
          if (lazyCost > LAZY_LINE_BUDGET) return "lazyLines";
        }
      }
    }

    // Ending quotes or nested lists while the text goes on makes micromark rewrite all it has read.
    const blankLine = blankText && prefix.markers === 0;
    if (blankLine) {
      // Lists go on over blank lines; quotes end unless the line keeps their ">".
      if (prefix.quotes < quotes) {
        blockExitCost += lineCount;
        containers -= quotes - prefix.quotes;
        quotes = prefix.quotes;
      }
    } else if (!continuesParagraph || htmlMayStart) {
      const continuedLists = Math.min(Math.floor(indent / 2), lists);
      const continued = (prefix.markers > 0 ? prefix.quotesBeforeMarker : prefix.quotes) + continuedLists;
      const nextItem = prefix.markers > 0 && markerColumns[continued] === prefix.markerColumn;
      if (containers - continued - (nextItem ? 1 : 0) > 0) blockExitCost += lineCount;
      // A lazy line leaves every list open.
      if (!continuesParagraph) {
        lists = continuedLists + prefix.markers;
        containers = prefix.quotes + lists;
        quotes = prefix.quotes;
      }
      if (prefix.markers > 0) {
        markerColumns.length = continued;
        markerColumns[continued] = prefix.markerColumn;
      }
    }
    if (blockExitCost > BLOCK_EXIT_BUDGET) return "blocks";
    if (formattingCost > FORMATTING_BUDGET) return "formatting";
    start = next;
  }
  closeParagraph();
  formattingCost += DEFINITION_LOOKUP_COST * definitions * counts.closingBrackets;
  return formattingCost > FORMATTING_BUDGET ? "formatting" : null;
}

/** A message for people when the markdown is beyond a limit, or null when it is fine. */
export function markdownProblem(source: string): string | null {
  const limit = markdownLimitExceeded(source);
  return limit ? MARKDOWN_LIMIT_MESSAGES[limit] : null;
}

/** Whether Hearth renders the text as markdown; otherwise it is shown as plain text. */
export function canRenderMarkdown(source: string): boolean {
  return source.length <= MAX_RENDERED_MARKDOWN_LENGTH && markdownLimitExceeded(source) === null;
}
