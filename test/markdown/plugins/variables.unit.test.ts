/** remark-variables: `{{name}}` replaced by the edition's value, or reported where it is written. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, testEdition } from '../../helpers/markdown.js';

const ukraine = testEdition({
  country: 'ua',
  name: 'Ukraine',
  languages: ['uk', 'en'],
  values: { emergency_number: '103', naloxone_product: { uk: 'Налоксон', en: 'Naloxone' }, hotline: { uk: '0 800 500 451' } },
});

describe('remark-variables', () => {
  it("replaces a variable with the edition's value, built-ins included", async () => {
    const { html, messages } = await renderMarkdown('Call {{emergency_number}} in {{country_name}} ({{country_code}}).\n', { edition: ukraine });
    expect(html).toBe('<p>Call 103 in Ukraine (UA).</p>');
    expect(messages).toEqual([]);
  });

  it("picks the page language's value, else the edition's first language that has one", async () => {
    const markdown = '{{naloxone_product}}, {{hotline}}, {{country_name}}\n';
    expect((await renderMarkdown(markdown, { edition: ukraine, lang: 'en' })).html).toBe('<p>Naloxone, 0 800 500 451, Ukraine</p>');
    expect((await renderMarkdown(markdown, { edition: ukraine, lang: 'uk' })).html).toBe('<p>Налоксон, 0 800 500 451, Україна</p>');
  });

  it('replaces variables in link destinations and titles (encoded in the URL)', async () => {
    const edition = testEdition({ values: { n: '1 03' } });
    const { html } = await renderMarkdown('[Call](tel:{{n}} "{{n}}") ![Map of {{n}}](https://example.org/{{n}}.png)\n', { edition });
    expect(html).toBe('<p><a href="tel:1%2003" title="1 03">Call</a> <img src="https://example.org/1%2003.png" alt="Map of 1 03"></p>');
  });

  it('gives a heading with a variable the same id in every edition', async () => {
    const { html } = await renderMarkdown('## The law in {{country_name}}\n', { edition: ukraine });
    expect(html).toBe('<h2 id="the-law-in-country_name">The law in Ukraine</h2>');
  });

  it('tells a missing value from an unknown name and a malformed one, naming the edition', async () => {
    const { html, messages, hints } = await renderMarkdown('Call {{emergency_number}}.\n\nCall {{emergncy_number}}.\n\n{{ Bad-Name }}\n', {
      knownVariables: new Set(['emergency_number']),
    });
    expect(messages).toEqual([
      { ruleId: 'variable-missing', line: 1, column: 6, reason: '{{emergency_number}} has no value in the international edition', fatal: true },
      { ruleId: 'variable-unknown', line: 3, column: 6, reason: 'Unknown variable {{emergncy_number}} in the international edition', fatal: true },
      { ruleId: 'variable-syntax', line: 5, column: 1, reason: '"{{ Bad-Name }}" is not a variable name', fatal: true },
    ]);
    expect(hints[0]).toBe('Add "emergency_number:" under "variables:" in briefkit.config.yaml (the value for the international edition).');
    expect(hints[1]).toBe('Did you mean {{emergency_number}}?');
    // Left as written, so the page still reads while the author fixes it.
    expect(html).toBe('<p>Call {{emergency_number}}.</p>\n<p>Call {{emergncy_number}}.</p>\n<p>{{ Bad-Name }}</p>');
  });

  it("points a country edition's gap at its profile", async () => {
    const { messages, hints } = await renderMarkdown('{{legal_note}}\n', { edition: ukraine, knownVariables: new Set(['legal_note']) });
    expect(messages.map((message) => message.reason)).toEqual(['{{legal_note}} has no value in the Ukraine edition (countries/ua.yaml)']);
    expect(hints).toEqual(['Add "legal_note:" under "variables:" in countries/ua.yaml.']);
  });

  it("never finds a value on Object's prototype", async () => {
    const { where } = await renderMarkdown('{{constructor}} {{to_string}}\n');
    expect(where).toEqual(['variable-unknown 1:1', 'variable-unknown 1:17']);
  });

  it('reports a stray "{{" and leaves escaped ones and code alone', async () => {
    const { html, messages } = await renderMarkdown('A {{ stray\n\nEscaped \\{{name}} and `{{code}}`.\n');
    expect(messages).toEqual([{ ruleId: 'variable-syntax', line: 1, column: 3, reason: 'A "{{" with no matching "}}" on the same line', fatal: true }]);
    expect(html).toBe('<p>A {{ stray</p>\n<p>Escaped {{name}} and <code>{{code}}</code>.</p>');
  });
});
