/** The structure limits (limits.ts): one error at the place, the rest of the file still rendered. */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/markdown/limits.js';
import { renderMarkdown } from '../../helpers/markdown.js';

describe('Markdown limits', () => {
  it('refuses quotes nested deeper than the limit, at the line', async () => {
    const deep = `${'> '.repeat(LIMITS.nesting + 1)}deep`;
    const { messages, html } = await renderMarkdown(`Before.\n\n${deep}\n\nAfter.\n`);
    expect(messages.map((message) => [message.ruleId, message.line, message.fatal])).toEqual([['markdown-nesting', 3, true]]);
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('refuses a table wider than the limit', async () => {
    const columns = LIMITS.tableColumns + 1;
    const row = `|${' a |'.repeat(columns)}`;
    const { messages } = await renderMarkdown(`Intro.\n\n${row}\n|${'---|'.repeat(columns)}\n`);
    expect(messages).toEqual([
      { ruleId: 'markdown-table-size', line: 3, column: 1, reason: `A table with ${columns} columns: briefkit's limit is ${LIMITS.tableColumns}`, fatal: true },
    ]);
  });
});
