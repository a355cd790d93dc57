/** rehype-task-list-labels: a task-list checkbox and its text in one <label>. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/markdown.js';

describe('rehype-task-list-labels', () => {
  it('labels each checkbox with its text', async () => {
    const { html } = await renderMarkdown('- [x] Done\n- [ ] Not *yet*\n');
    expect(html).toBe(
      '<ul class="contains-task-list">\n<li class="task-list-item"><label><input type="checkbox" checked disabled> Done</label></li>\n<li ' +
        'class="task-list-item"><label><input type="checkbox" disabled> Not <em>yet</em></label></li>\n</ul>',
    );
  });

  it('stops the label at a nested block', async () => {
    const { html } = await renderMarkdown('- [ ] Parent\n\n  More text.\n\n  - child\n');
    expect(html).toContain('<p><label><input type="checkbox" disabled> Parent</label></p>');
    expect(html).toContain('<p>More text.</p>');
    expect(html.match(/<label>/g)).toHaveLength(1);
  });

  it('leaves an ordinary list alone', async () => {
    const { html } = await renderMarkdown('- [link](#a) item\n');
    expect(html).not.toContain('<label>');
  });
});
