/**
 * remark-placeholder-hints. Issue 26, item 9: authors coming from other tools write
 * `[[emergency_number]]` or `{emergency_number}`; briefkit published it as written, with no
 * hint that its variables are `{{…}}`. Now a warning at its line and column names the right form.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, testEdition } from '../../helpers/markdown.js';

const edition = testEdition({ values: { emergency_number: '112' } });
const knownVariables = new Set(['emergency_number', 'country_name', 'country_code']);

describe('remark-placeholder-hints (Issue 26)', () => {
  it('warns at [[name]], naming {{name}}, and says when the name is a variable of the project', async () => {
    const { html, messages, hints } = await renderMarkdown('In an emergency\ncall [[emergency_number]] or [[ambulance]].\n\n- ask [[emergncy_number]]\n', {
      edition,
      knownVariables,
    });
    expect(messages).toEqual([
      {
        ruleId: 'variable-syntax-foreign',
        line: 2,
        column: 6,
        reason: '[[emergency_number]] is shown as written: briefkit variables are written {{emergency_number}}',
        fatal: false,
      },
      {
        ruleId: 'variable-syntax-foreign',
        line: 2,
        column: 30,
        reason: '[[ambulance]] is shown as written: briefkit variables are written {{ambulance}}',
        fatal: false,
      },
      {
        ruleId: 'variable-syntax-foreign',
        line: 4,
        column: 7,
        reason: '[[emergncy_number]] is shown as written: briefkit variables are written {{emergncy_number}}',
        fatal: false,
      },
    ]);
    expect(hints).toEqual([
      '"emergency_number" is a variable of this project: write {{emergency_number}}. To show [[emergency_number]] as text, write \\[[emergency_number]].',
      'Write {{ambulance}} and give "ambulance" a value under "variables:" in briefkit.config.yaml or a country profile; to show [[ambulance]] as text, ' +
        'write \\[[ambulance]].',
      'Did you mean {{emergency_number}}? To show [[emergncy_number]] as text, write \\[[emergncy_number]].',
    ]);
    // Still published as written: it is a warning, the page goes out.
    expect(html).toContain('call [[emergency_number]] or [[ambulance]].');
  });

  it('warns at {name} and ${name} only when the name is a variable or close to one', async () => {
    const { where, messages } = await renderMarkdown('Call {emergency_number} or ${emergency_number}.\n\nA set {a, b}, a {placeholder} and {country_nam}.\n', {
      edition,
      knownVariables,
    });
    expect(where).toEqual(['variable-syntax-foreign 1:6', 'variable-syntax-foreign 1:28', 'variable-syntax-foreign 3:35']);
    expect(messages.map((message) => message.reason)).toEqual([
      '{emergency_number} is shown as written: briefkit variables are written {{emergency_number}}',
      '${emergency_number} is shown as written: briefkit variables are written {{emergency_number}}',
      '{country_nam} is shown as written: briefkit variables are written {{country_nam}}',
    ]);
  });

  it('says nothing about link text, footnotes, code, escapes, embeds or heading ids', async () => {
    const markdown = [
      'See [[1]](https://example.org/1) and [[note]](#x), a note[^1] and [@key].',
      '',
      'In code: `[[emergency_number]]` and `{emergency_number}`; escaped: \\[[emergency_number]] \\{emergency_number} \\${emergency_number}; embed ' +
        '![[emergency_number]].',
      '',
      '```',
      '[[emergency_number]] {emergency_number}',
      '```',
      '',
      '## Heading {#emergency_number}',
      '',
      '[^1]: A note.',
      '',
    ].join('\n');
    const { messages } = await renderMarkdown(markdown, { edition, knownVariables });
    expect(messages.filter((message) => message.ruleId === 'variable-syntax-foreign')).toEqual([]);
  });

  it('replaces {{ name }} with spaces inside the braces, with no message', async () => {
    const { html, messages } = await renderMarkdown('Call {{ emergency_number }}.\n', { edition, knownVariables });
    expect(messages).toEqual([]);
    expect(html).toBe('<p>Call 112.</p>');
  });
});
