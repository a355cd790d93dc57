import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';
import type { Place, Point } from './model/place.js';

/** What to say about a problem: the sentence, the rule it breaks, and how to fix it. */
export interface Problem {
  readonly reason: string;
  readonly rule: string;
  readonly place?: Place | Point | undefined;
  readonly hint?: string;
}

/** Record an error on a file: the build fails, but every other file is still checked. */
export function error(file: VFile, problem: Problem): VFileMessage {
  const message = warn(file, problem);
  message.fatal = true;
  return message;
}

/**
 * Record a warning on a file (an error under `--strict`). The same problem at the same place
 * is recorded once, however many times the file is rendered (once per edition, say).
 */
export function warn(file: VFile, problem: Problem): VFileMessage {
  const place = problem.place && 'start' in problem.place ? problem.place.start : problem.place;
  const key = [problem.rule, place?.line, place?.column, problem.reason].join('\u0000');
  // An index per file, not a scan of its messages: thousands of broken links stay linear.
  let seen = recorded.get(file);
  if (!seen)
    recorded.set(
      file,
      (seen = new Map(file.messages.map((message) => [[message.ruleId, message.line, message.column, message.reason].join('\u0000'), message]))),
    );
  const same = seen.get(key);
  if (same) return same;
  const message = newMessage(file, problem.reason, { place: problem.place as never, ruleId: problem.rule, source: 'briefkit' });
  if (problem.hint) message.note = problem.hint;
  seen.set(key, message);
  return message;
}

const recorded = new WeakMap<VFile, Map<string, VFileMessage>>();

/**
 * A message on a file, made without capturing a stack trace: vfile-message is an Error, and
 * capturing one (which it then throws away) was 15 × the cost of the rest of a message
 * (0.2 s for the 12,000 warnings a large site's build replays).
 */
function newMessage(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return file.message(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Text of a file quoted in a message: at most `max` characters, cut with "…". A message
 * quotes a few words, never a whole line (issue 27: a 16 KB line came back in a hint).
 */
export function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** How many problems of one file read from outside (a bibliography, a translator's file) are shown at their places. */
export const SHOWN_PER_FILE = 20;

/**
 * Keep the first `limit` messages of a file (by position) and one more saying how many are
 * left out, from where (issue 27): 100,000 unclosed BibTeX entries made a 300 KB report
 * whose first line was lost. It is an error if any of those left out is.
 */
export function capMessages(file: VFile, limit = SHOWN_PER_FILE): void {
  if (file.messages.length <= limit + 1) return;
  const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const kept = new Set(sorted.slice(0, limit));
  const left = sorted.slice(limit);
  file.messages.splice(0, file.messages.length, ...file.messages.filter((message) => kept.has(message)));
  const first = left[0]!;
  const summary = warn(file, {
    reason: `${left.length.toLocaleString('en')} more problems in this file, from here on, are not shown`,
    rule: 'more-problems',
    place: first.line ? { line: first.line, column: first.column ?? 1 } : undefined,
    hint: 'Fix the problems above (often one mistake repeated, or a file that is not what its name says), then run again to see the rest.',
  });
  if (left.some((message) => message.fatal)) summary.fatal = true;
}

/** Whether any of these files carries an error (a fatal message). */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}

/** Under `--strict`, turn every warning into an error. */
export function escalateWarnings(files: readonly VFile[]): void {
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === false) message.fatal = true;
    }
  }
}

/** A message as plain data, to cross from a worker thread (or a cache) to the file it belongs to. */
export interface MessageData {
  readonly reason: string;
  readonly ruleId: string | undefined;
  readonly source: string | undefined;
  readonly place: Place | Point | undefined;
  readonly fatal: boolean | null | undefined;
  readonly note: string | undefined;
}

/** The plain data of a message. */
export function messageData(message: VFileMessage): MessageData {
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    place: message.place as Place | Point | undefined,
    fatal: message.fatal,
    note: message.note,
  };
}

/** Put a message made elsewhere on its file, once (as {@link warn} would: the same problem at the same place is not repeated). */
export function replayMessage(file: VFile, data: MessageData): void {
  if (data.source === 'briefkit' && data.ruleId) {
    const message = warn(file, { reason: data.reason, rule: data.ruleId, place: data.place, ...(data.note ? { hint: data.note } : {}) });
    message.fatal = data.fatal;
    return;
  }
  const message = newMessage(file, data.reason, { place: data.place as never, ruleId: data.ruleId, source: data.source });
  if (data.note) message.note = data.note;
  message.fatal = data.fatal;
}
