/** Where a command writes, and where it runs: the real process, or a test's buffers. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  /** Colour the report (only on a terminal, never with NO_COLOR). */
  readonly color: boolean;
  /** Show progress of long runs (only on a terminal). */
  readonly progress?: boolean;
}
