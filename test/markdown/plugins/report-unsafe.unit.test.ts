/** rehype-report-unsafe: what the sanitiser removes from raw HTML is reported where it was written. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/markdown.js';

describe('rehype-report-unsafe', () => {
  it('reports a removed element, an event handler and a script address, and the sanitiser removes them', async () => {
    const { html, messages } = await renderMarkdown(
      'Intro.\n\n<script>alert(1)</script>\n\n<img src="https://example.org/x.png" onerror="alert(1)">\n\n<a href="javascript:alert(1)">x</a>\n',
    );
    expect(messages.filter((message) => message.ruleId === 'unsafe-html')).toEqual([
      { ruleId: 'unsafe-html', line: 3, column: 1, reason: 'Removed <script>: this HTML element is not allowed in briefings', fatal: false },
      { ruleId: 'unsafe-html', line: 5, column: 1, reason: 'Removed the onerror attribute from <img>: scripts are not allowed', fatal: false },
      {
        ruleId: 'unsafe-html',
        line: 7,
        column: 1,
        reason: 'Removed a "javascript:" address from <a>: only http, https, mailto, tel and relative addresses are allowed',
        fatal: false,
      },
    ]);
    expect(html).not.toMatch(/script|onerror|javascript/);
  });

  it('says nothing about what is inside a removed element, nor about allowed HTML', async () => {
    const { messages } = await renderMarkdown('<style><img onerror="x"></style>\n\n<details><summary>More</summary>Text</details>\n');
    expect(messages.map((message) => message.reason)).toEqual(['Removed <style>: this HTML element is not allowed in briefings']);
  });
});
