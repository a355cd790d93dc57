/** How many edits away a suggestion may be. */
const MAX_EDITS = 2;

// Lower-cased candidates by list, so one list asked about many times is lowered once.
const lowered = new WeakMap<readonly string[], readonly string[]>();

/**
 * The candidate nearest to `word` (at most two edits away, or one it is the start of, such
 * as `warn` for `warning`), for "did you mean …?" hints. Work per candidate is bounded by the
 * word's length (candidates of a very different length are skipped at once), so thousands of
 * misses against thousands of files stay fast.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let lowerCandidates = lowered.get(candidates);
  if (!lowerCandidates) lowered.set(candidates, (lowerCandidates = candidates.map((candidate) => candidate.toLowerCase())));
  if (lower.length >= 3) {
    const extended = lowerCandidates.findIndex((candidate) => candidate.startsWith(lower));
    if (extended !== -1) return candidates[extended];
  }
  let best: string | undefined;
  let bestDistance = MAX_EDITS + 1;
  for (const [index, candidate] of lowerCandidates.entries()) {
    if (Math.abs(candidate.length - lower.length) >= bestDistance) continue;
    const distance = boundedDistance(lower, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidates[index];
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

/**
 * Levenshtein distance if it is at most `limit`, else `limit + 1`: only the diagonal band of
 * width 2·limit+1 is computed, and the work stops as soon as every cell of a row exceeds it.
 */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // Cells just outside the band count as "too far"; the rest of the row is never read.
    current[from - 1] = from === 1 && i <= limit ? i : over;
    if (to < b.length) current[to + 1] = over;
    let rowBest = over;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, over);
}
