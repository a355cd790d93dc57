/** remark-questions: `:::question[…]` self-checks, the answer in a <details> the reader opens. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, testContext } from '../../helpers/markdown.js';

describe('remark-questions', () => {
  it('shows the question and hides the answer in a <details>, with no script', async () => {
    const { html, messages } = await renderMarkdown(':::question[What does naloxone do?]\nIt reverses an *opioid* overdose.\n:::\n');
    expect(html).toBe(
      '<div class="self-check" role="group" aria-label="Check your understanding"><p class="self-check-question">What does naloxone do?</p>' +
        '<details class="self-check-answer"><summary>Show answer</summary><p>It reverses an <em>opioid</em> overdose.</p></details></div>',
    );
    expect(messages).toEqual([]);
  });

  it('takes its words from the page language', async () => {
    const labels = { ...testContext().labels, question: 'Перевірте себе', showAnswer: 'Показати відповідь' };
    const { html } = await renderMarkdown(':::question[Що робить налоксон?]\nВідповідь.\n:::\n', { labels, lang: 'uk' });
    expect(html).toContain('aria-label="Перевірте себе"');
    expect(html).toContain('<summary>Показати відповідь</summary>');
  });

  it('keeps a question with no answer as a question to think about', async () => {
    const { html } = await renderMarkdown(':::question[What would you do?]\n:::\n');
    expect(html).toBe('<div class="self-check" role="group" aria-label="Check your understanding"><p class="self-check-question">What would you do?</p></div>');
  });

  it('reports a block with no question at its position, and is not an unknown block', async () => {
    const { messages } = await renderMarkdown('Intro.\n\n:::question\nThe answer.\n:::\n');
    expect(messages).toEqual([{ ruleId: 'question-missing', line: 3, column: 1, reason: 'A question block has no question', fatal: true }]);
  });

  it('cannot be used to smuggle markup: raw HTML in the answer is sanitised', async () => {
    const { html } = await renderMarkdown(':::question[Q?]\n<img src=x onerror="alert(1)"><script>alert(1)</script>\n:::\n');
    expect(html).not.toMatch(/onerror|<script/);
  });
});
