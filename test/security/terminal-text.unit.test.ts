/**
 * Issue 27, item 7 (part): terminal control characters (ESC, BEL, OSC), NUL and bidi
 * overrides in a file name or a quoted title reached the terminal through the build report,
 * where they can rewrite the screen, set the window title or reorder what is shown. The
 * report shows each as its code.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatReport, shownText } from '../../src/report.js';

describe('issue 27: the report never sends control characters to the terminal', () => {
  it('shows ESC, BEL, OSC, NUL, C1 and bidi overrides as codes, in paths, messages and hints', () => {
    const file = new VFile({ path: '/p/briefings/a\u001b[2Jb.md', value: '' });
    const message = file.message('Title "\u001b]0;pwned\u0007x\u0000\u009b31m\u202eevil" is odd', { place: { line: 1, column: 1 } });
    message.note = 'Hint with \u2066isolate\u2069 and \u001b[31mred';
    const report = formatReport([file], { cwd: '/p' });
    // eslint-disable-next-line no-control-regex -- the report must hold no raw control character
    expect(report).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(report).toContain('briefings/a<U+001B>[2Jb.md:1:1');
    expect(report).toContain('Title "<U+001B>]0;pwned<U+0007>x<U+0000><U+009B>31m<U+202E>evil" is odd');
    expect(report).toContain('Hint with <U+2066>isolate<U+2069> and <U+001B>[31mred');
    // Ordinary text, tabs and every script stay as they are.
    expect(shownText('Глазго\tغلاسكو é ✓')).toBe('Глазго\tغلاسكو é ✓');
  });
});
