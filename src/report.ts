import pc from 'picocolors';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { shownPath } from './paths/project-path.js';
import { codeOf } from './text/control-characters.js';

/** How to print the report. */
export interface ReportOptions {
  /** Paths are shown relative to this folder, with `/` on every platform. */
  readonly cwd: string;
  /** ANSI colours (only on a terminal, and never with NO_COLOR). */
  readonly color?: boolean;
}

/**
 * Every message of every file, grouped by file and sorted by position, one per line as
 * `path:line:col  severity  message  rule`, with the hint indented below. `path:line:col`
 * is what editors and terminals turn into a link. Empty when there is nothing to say.
 */
export function formatReport(files: readonly VFile[], options: ReportOptions): string {
  const paint = pc.createColors(options.color ?? false);
  const blocks: string[] = [];
  let errors = 0;
  let warnings = 0;
  // Each file's path worked out once, not in every comparison of the sort.
  const shown = files.filter((file) => file.messages.length > 0).map((file) => ({ file, path: displayPath(file, options) }));
  for (const { file, path: display } of shown.sort((a, b) => a.path.localeCompare(b.path))) {
    const path = shownText(display);
    const lines = [paint.underline(path)];
    for (const message of [...file.messages].sort(byPosition)) {
      const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info';
      if (message.fatal) errors++;
      else if (message.fatal === false) warnings++;
      const where = message.line ? `${path}:${message.line}:${message.column ?? 1}` : path;
      const label = severity === 'error' ? paint.red(severity) : severity === 'warning' ? paint.yellow(severity) : paint.blue(severity);
      lines.push(`  ${where}  ${label}  ${shownText(message.reason)}  ${paint.dim(message.ruleId ?? '')}`.trimEnd());
      if (message.note)
        lines.push(...message.note.split('\n').map((line, index) => (line === '' ? '' : `      ${index === 0 ? '→ ' : '  '}${shownText(line)}`)));
    }
    blocks.push(lines.join('\n'));
  }
  if (blocks.length === 0) return '';
  const summary = [
    errors > 0 ? paint.red(`${errors} ${errors === 1 ? 'error' : 'errors'}`) : undefined,
    warnings > 0 ? paint.yellow(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${blocks.join('\n\n')}\n\n${summary || 'no problems'}`;
}

/**
 * Text as the report may print it to a terminal (issue 27): control characters (ESC, BEL,
 * NUL, the C1 set) would let a file name or a quoted title move the cursor, rewrite the
 * screen or set the window title, and bidi overrides would reorder what is shown, so each
 * is shown as its code (<U+001B>) instead.
 */
export function shownText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this function makes visible
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (char) => `<${codeOf(char)}>`);
}

function displayPath(file: VFile, options: ReportOptions): string {
  return file.path ? shownPath(options.cwd, file.path) : '(unknown file)';
}

function byPosition(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.reason.localeCompare(b.reason);
}
