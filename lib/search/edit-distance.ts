/**
 * Bounded edit distances for typo tolerance: insertions, deletions, substitutions and swaps of
 * two neighbouring letters ("carple" → "carpel") each cost 1 (optimal string alignment).
 * Only a band of width 2·max around the diagonal is computed and a row whose every cell is over
 * `max` stops the work, so comparing a typed word with thousands of vocabulary words stays cheap.
 */
export const TOO_FAR = Number.MAX_SAFE_INTEGER;

/** Edit distance between `a` and `b`, or TOO_FAR when it is more than `max`. */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return TOO_FAR;
  const lastRow = bandedRows(a, b, max);
  if (!lastRow) return TOO_FAR;
  const distance = lastRow[b.length]!;
  return distance <= max ? distance : TOO_FAR;
}

/**
 * Smallest edit distance between `typed` and any prefix of `word`, or TOO_FAR when it is more
 * than `max`: how far a half-typed, misspelt word ("sholde") is from one it may become ("shoulder").
 */
export function prefixEditDistanceWithin(typed: string, word: string, max: number): number {
  if (word.length < typed.length - max) return TOO_FAR;
  const lastRow = bandedRows(typed, word, max);
  if (!lastRow) return TOO_FAR;
  let best = TOO_FAR;
  const from = Math.max(0, typed.length - max);
  const to = Math.min(word.length, typed.length + max);
  for (let column = from; column <= to; column++) best = Math.min(best, lastRow[column]!);
  return best <= max ? best : TOO_FAR;
}

// Rows are reused between calls: a vocabulary scan makes thousands of calls per keystroke, and
// allocating three arrays for each would cost more than the comparison itself.
let rowBuffers: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

function rowsFor(width: number): [Int32Array, Int32Array, Int32Array] {
  if (rowBuffers[0].length < width) rowBuffers = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  return rowBuffers;
}

/** The last row of the banded distance table of `a` (rows) against `b` (columns), or undefined once every cell of a row is over `max`. */
function bandedRows(a: string, b: string, max: number): Int32Array | undefined {
  const over = max + 1;
  const width = b.length + 2;
  let [beforePrevious, previous, current] = rowsFor(width);
  for (let column = 0; column <= b.length + 1; column++) previous[column] = column <= max ? column : over;
  for (let row = 1; row <= a.length; row++) {
    const low = Math.max(1, row - max);
    const high = Math.min(b.length, row + max);
    current[low - 1] = low - 1 === 0 && row <= max ? row : over;
    let rowMinimum = current[low - 1]!;
    const letter = a.charCodeAt(row - 1);
    for (let column = low; column <= high; column++) {
      const substitution = previous[column - 1]! + (letter === b.charCodeAt(column - 1) ? 0 : 1);
      let cell = Math.min(previous[column]! + 1, current[column - 1]! + 1, substitution);
      if (row > 1 && column > 1 && letter === b.charCodeAt(column - 2) && a.charCodeAt(row - 2) === b.charCodeAt(column - 1)) {
        cell = Math.min(cell, beforePrevious[column - 2]! + 1);
      }
      current[column] = Math.min(cell, over);
      rowMinimum = Math.min(rowMinimum, current[column]!);
    }
    if (high + 1 <= b.length + 1) current[high + 1] = over;
    if (rowMinimum > max) return undefined;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous;
}
