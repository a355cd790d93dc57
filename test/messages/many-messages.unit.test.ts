/**
 * Issue 8, class 10: one run reports every problem, and stays near-linear doing so. Each
 * message used to be compared with every earlier message of its file (to record a problem
 * once however many editions render it), so a page with tens of thousands of problems
 * took quadratic time before anything was reported.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { error, replayMessage, warn } from '../../src/messages.js';
import type { MessageData } from '../../src/messages.js';
import { cpuSeconds } from '../helpers/cpu-time.js';

describe('messages on one file', () => {
  it('records 30,000 distinct problems in near-linear time, and the same problem once', () => {
    const file = new VFile({ path: 'briefings/a.md' });
    const started = process.cpuUsage();
    for (let line = 1; line <= 30_000; line++) warn(file, { reason: `No heading "#h${line}"`, rule: 'anchor-missing', place: { line, column: 3 } });
    const seconds = cpuSeconds(started);
    expect(file.messages).toHaveLength(30_000);
    // Before: about 450 million comparisons (about 10 s here); now well under a second.
    expect(seconds).toBeLessThan(5);

    const again = error(file, { reason: 'No heading "#h42"', rule: 'anchor-missing', place: { line: 42, column: 3 } });
    expect(file.messages).toHaveLength(30_000);
    expect(again.line).toBe(42);
    warn(file, { reason: 'No heading "#h42"', rule: 'anchor-missing', place: { line: 42, column: 4 } });
    expect(file.messages).toHaveLength(30_001);
  });

  it('knows problems recorded on the file before it was first asked', () => {
    const file = new VFile({ path: 'briefings/b.md' });
    file.message('Earlier', { place: { line: 1, column: 1 }, ruleId: 'x', source: 'briefkit' });
    warn(file, { reason: 'Earlier', rule: 'x', place: { line: 1, column: 1 } });
    expect(file.messages).toHaveLength(1);
  });

  it('makes a message without capturing a stack trace (one is never shown), and leaves the stack depth as it was (issue 31)', () => {
    const file = new VFile({ path: 'briefings/c.md' });
    const before = Error.stackTraceLimit;
    // How deep a stack V8 captures while the message (an Error) is made: 0 is none.
    const depths: number[] = [];
    const make = file.message.bind(file);
    file.message = ((...args: Parameters<typeof make>) => {
      depths.push(Error.stackTraceLimit);
      return make(...args);
    }) as typeof file.message;
    const message = warn(file, { reason: 'A table has no caption', rule: 'table-caption-missing', place: { line: 3, column: 1 } });
    replayMessage(file, { reason: 'Not one of ours', ruleId: 'other', source: 'elsewhere', fatal: false, place: { line: 1, column: 1 } } as MessageData);
    expect(depths).toEqual([0, 0]);
    expect(message.stack).toBe('');
    expect(Error.stackTraceLimit).toBe(before);
  });
});
