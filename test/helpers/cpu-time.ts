/**
 * CPU seconds this process (every thread of it) spent since `since` (a `process.cpuUsage()`).
 * A time limit on it fails on slow code only: other processes on a loaded machine do not add
 * to it, as they add to wall-clock time.
 */
export function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1_000_000;
}
