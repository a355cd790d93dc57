/**
 * Ctrl-C and `kill` during a build. Node's default for SIGINT/SIGTERM/SIGHUP is to die at
 * once, which could fall between the two renames of the output swap and leave neither site
 * at the output path. While a build holds its output lock these signals are caught: outside
 * the swap the build cleans up (releases its lock) and exits; inside it, the exit waits
 * until the swap is done. SIGKILL and power loss cannot be caught: the next build repairs
 * what they leave (see recover-output.ts).
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const EXIT_CODES: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

const cleanups = new Set<() => void>();
let swapping = 0;
let pending: (typeof SIGNALS)[number] | undefined;

function onSignal(signal: (typeof SIGNALS)[number]): void {
  if (swapping > 0) {
    pending = signal;
    return;
  }
  exitNow(signal);
}

function exitNow(signal: (typeof SIGNALS)[number]): never {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Dying anyway: the next build takes over a lock or folder that is left behind.
    }
  }
  process.exit(EXIT_CODES[signal]);
}

function onExit(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // See exitNow.
    }
  }
}

/** Run `cleanup` (synchronously) if the process is interrupted or exits before `remove` is called. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('exit', onExit);
  }
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('exit', onExit);
  };
}

/** Run `work` so that SIGINT/SIGTERM/SIGHUP arriving meanwhile take effect only once it is done. */
export async function uninterruptible<T>(work: () => Promise<T>): Promise<T> {
  swapping += 1;
  try {
    return await work();
  } finally {
    swapping -= 1;
    if (swapping === 0 && pending) exitNow(pending);
  }
}
