/** How many edits away a suggestion may be. */
const MAX_EDITS = 2;

/** Where "did you mean" looks: a list, or the keys of a Set or Map (pass the collection itself so its index is reused). */
export type Candidates = readonly string[] | ReadonlySet<string> | ReadonlyMap<string, unknown>;

interface CandidateIndex {
  readonly source: readonly string[];
  readonly lower: readonly string[];
  /** Candidate numbers in alphabetical order of their lower-case text, for prefix look-ups. */
  readonly sorted: readonly number[];
  /** Which candidates contain each three-letter sequence, in candidate order. */
  readonly grams: ReadonlyMap<string, readonly number[]>;
}

// One index per collection, so thousands of misses against thousands of files cost one
// indexing plus a small lookup each, not a full comparison with every file each time.
const indexes = new WeakMap<object, CandidateIndex>();

/** The length of the letter sequences indexed: three letters are rare enough to find few candidates. */
const GRAM = 3;

/** Below this many candidates a plain scan is cheaper than an index. */
const SCAN_LIMIT = 64;

/**
 * The candidate nearest to `word` (at most two edits away, or one it is the start of, such
 * as `warn` for `warning`), for "did you mean …?" hints; the first in order on a tie.
 */
export function closest(word: string, candidates: Candidates): string | undefined {
  const lower = word.toLowerCase();
  const index = indexOf(candidates);
  if (lower.length >= 3) {
    const extended = firstExtending(index, lower);
    if (extended !== undefined) return index.source[extended];
  }
  let best: string | undefined;
  let bestDistance = MAX_EDITS + 1;
  for (const id of plausible(index, lower)) {
    const candidate = index.lower[id]!;
    if (Math.abs(candidate.length - lower.length) >= bestDistance) continue;
    const distance = boundedDistance(lower, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = index.source[id];
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

function indexOf(candidates: Candidates): CandidateIndex {
  const source: readonly string[] = Array.isArray(candidates) ? (candidates as readonly string[]) : [...(candidates as ReadonlySet<string>).keys()];
  const cached = indexes.get(candidates);
  if (cached && cached.source.length === source.length) return cached;
  const lower = source.map((candidate) => candidate.toLowerCase());
  const grams = new Map<string, number[]>();
  if (source.length > SCAN_LIMIT) {
    lower.forEach((candidate, id) => {
      for (const gram of gramsOf(candidate)) {
        const list = grams.get(gram);
        if (list) list.push(id);
        else grams.set(gram, [id]);
      }
    });
  }
  const sorted = [...lower.keys()].sort((a, b) => (lower[a]! < lower[b]! ? -1 : lower[a]! > lower[b]! ? 1 : a - b));
  const index = { source, lower, sorted, grams };
  indexes.set(candidates, index);
  return index;
}

/** The first candidate (in the given order) that starts with `word`: the words starting with it sit together when sorted. */
function firstExtending(index: CandidateIndex, word: string): number | undefined {
  const { lower, sorted } = index;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lower[sorted[middle]!]! < word) low = middle + 1;
    else high = middle;
  }
  let first: number | undefined;
  for (let at = low; at < sorted.length && lower[sorted[at]!]!.startsWith(word); at++) {
    if (first === undefined || sorted[at]! < first) first = sorted[at]!;
  }
  return first;
}

/**
 * The candidates that can be within MAX_EDITS of `word`, in order. One edit changes at most
 * GRAM of the word's GRAM-letter sequences, so a near candidate lacks at most GRAM·MAX_EDITS
 * of them: it holds at least one of any GRAM·MAX_EDITS+1, and the rarest such few are looked up.
 */
function plausible(index: CandidateIndex, word: string): Iterable<number> {
  const wordGrams = gramsOf(word);
  const needed = GRAM * MAX_EDITS + 1;
  if (index.grams.size === 0 || wordGrams.size < needed) return index.lower.keys();
  const postings = [...wordGrams]
    .map((gram) => index.grams.get(gram) ?? [])
    .sort((a, b) => a.length - b.length)
    .slice(0, needed);
  const ids = new Int32Array(postings.reduce((sum, list) => sum + list.length, 0));
  let at = 0;
  for (const list of postings) for (const id of list) ids[at++] = id;
  ids.sort();
  return ids.filter((id, position) => position === 0 || ids[position - 1] !== id);
}

function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (let at = 0; at + GRAM <= text.length; at++) grams.add(text.slice(at, at + GRAM));
  return grams;
}

// Two rows of the distance table, reused: suggestions are asked for in bulk.
let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * Levenshtein distance if it is at most `limit`, else `limit + 1`. The common start and end
 * are skipped (paths mostly differ in a few characters), and only the diagonal band of
 * width 2·limit+1 is computed, stopping once a whole row exceeds the limit.
 */
function boundedDistance(a: string, b: string, limit: number): number {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const lengthA = endA - start;
  const lengthB = endB - start;
  const over = limit + 1;
  if (Math.abs(lengthA - lengthB) > limit) return over;
  if (previous.length <= lengthB) {
    previous = new Int32Array(lengthB * 2 + 2);
    current = new Int32Array(lengthB * 2 + 2);
  }
  for (let j = 0; j <= lengthB; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= lengthA; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(lengthB, i + limit);
    // Cells just outside the band count as "too far"; the rest of the row is never read.
    current[from - 1] = from === 1 && i <= limit ? i : over;
    if (to < lengthB) current[to + 1] = over;
    let rowBest = current[from - 1]!;
    const char = a.charCodeAt(start + i - 1);
    for (let j = from; j <= to; j++) {
      const cost = char === b.charCodeAt(start + j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return over;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[lengthB]!, over);
}
