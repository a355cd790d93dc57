/** Flags for a headless Chromium that makes no request of its own. */
const BASE_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // No crash reporter: it runs as detached helpers that outlive the browser.
  '--disable-breakpad',
  '--disable-crash-reporter',
];

/**
 * The flags briefkit starts Chromium with. Its sandbox stays on (issue 28): the print
 * browser renders content from many hands. Only as root, where Chromium refuses to start
 * with a sandbox, is it turned off; a machine where the sandbox cannot start for another
 * reason (some containers) is handled when the launch fails (see launchBrowser).
 */
export function chromiumArgs(uid: number | undefined = process.getuid?.()): string[] {
  return uid === 0 ? ['--no-sandbox', ...BASE_ARGS] : [...BASE_ARGS];
}

/** The flags for this process. */
export const CHROMIUM_ARGS: string[] = chromiumArgs();

/** Whether Chromium failed to start because its sandbox could not run here. */
export function sandboxFailed(reason: unknown): boolean {
  return /no usable sandbox|sandbox.{0,40}(not supported|failed|cannot|could not)|setuid sandbox|running as root without --no-sandbox/i.test(
    String((reason as Error)?.message ?? reason),
  );
}
