/**
 * Issue 8, class 6: random Markdown, front matter and YAML files (references, a country
 * profile) never throw out of build(), and every message on them has a file and a line.
 * Bounded in time. Reproduce a failure with FUZZ_SEED=<seed printed> (and FUZZ_RUNS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { png } from '../helpers/binary-files.js';
import { makeProject } from '../helpers/project.js';

const PIC = png(1, 1);

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.env.FUZZ_RUNS ?? 24);

const word = fc.oneof(
  fc.constantFrom('naloxone', 'peer', 'Київ', 'نالوكسون', '🙂', 'a\u0000b', '\u202e', '&amp;', '\\', '`', '|', '"', "'", '<', '>'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
const newline = fc.constantFrom('\n', '\n\n', '\r\n', '\r', '\r\n\r\n');
const run = (marker: string, max: number) => fc.integer({ min: 1, max }).map((n) => marker.repeat(n));

const block: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([level, title]) => `${'#'.repeat(level)} ${title}`),
  fc.tuple(fc.integer({ min: 0, max: 60 }), text).map(([depth, item]) => `${'  '.repeat(depth)}- ${item}`),
  fc.tuple(fc.integer({ min: 1, max: 80 }), text).map(([depth, item]) => `${'>'.repeat(depth)} ${item}`),
  fc.tuple(fc.integer({ min: 1, max: 60 }), text).map(([depth, item]) => `${'- '.repeat(depth)}${item}`),
  fc
    .tuple(fc.constantFrom('*', '_', '**', '~', '*a', '_a_ ', '[', '![', '[a](', '<span>', '`'), fc.integer({ min: 1, max: 3000 }))
    .map(([marker, n]) => marker.repeat(n)),
  fc.tuple(run('*a ', 300), run(' b*', 300)).map(([open, close]) => `${open}x${close}`),
  fc
    .tuple(text, fc.constantFrom('other.md', 'b.md', '../x.md', 'missing.png', 'pic.png', 'page.html', 'd.svg', '/root', 'javascript:alert(1)', '#top', '%zz'))
    .map(([label, target]) => `[${label}](${target}) ![${label}](${target})`),
  // Prototype names are unknown variables, never values (they once crashed remark-citations).
  fc.constantFrom(
    '[@a2020]',
    '[@a2020; @missing]',
    '[@]',
    '[@__proto__]',
    '{{constructor}}',
    '{{__proto__}}',
    '{{toString}}',
    '{{country_name}}',
    '{{emergency_number}}',
    '{{ x }}',
    '{{',
    '}}',
    '\\{{country_name}}',
  ),
  fc
    .tuple(
      fc.constantFrom('note', 'warning', 'key-points', 'only{country="ua"}', 'except{country="xx"}', 'unknown', 'note{#id .c}'),
      text,
      fc.integer({ min: 3, max: 6 }),
    )
    .map(([name, inner, colons]) => `${':'.repeat(colons)}${name}\n${inner}\n${':'.repeat(colons)}`),
  fc.constantFrom(
    '<div>',
    '</div>',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<!--',
    '-->',
    '<a href="javascript:alert(1)">x</a>',
    '<svg><foreignObject>',
    '<details><summary>x',
  ),
  fc
    .tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 200 }), text)
    .map(([columns, rows, cell]) => `|${' a |'.repeat(columns)}\n|${'---|'.repeat(columns)}\n${`| ${cell} |\n`.repeat(rows)}`),
  fc.tuple(fc.integer({ min: 1, max: 50 }), text).map(([n, note]) => `${Array.from({ length: n }, (_, i) => `[^${i}]`).join(' ')}\n\n[^0]: ${note}`),
  fc.constantFrom(
    '```',
    '~~~',
    '    code',
    '***',
    '---',
    '- [ ] task',
    '1. one',
    '2) two',
    'Setext\n===',
    '<https://example.org>',
    'www.example.org',
    'a@b.co',
  ),
  text,
);
const markdown = fc.array(fc.tuple(block, newline), { maxLength: 25 }).map((parts) => parts.flat().join(''));

const yamlToken = fc.constantFrom(
  'title:',
  'summary:',
  'date:',
  ' ',
  '\n',
  '\r\n',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '- ',
  ': ',
  '&a',
  '*a',
  '<<: *a',
  '!!js/function "x"',
  '!!binary',
  '---',
  '...',
  '2020-13-45',
  '__proto__:',
  'constructor:',
  'null',
  '~',
  '#',
  '|',
  '>',
  '\t',
  '\u0000',
  'x',
);
const yamlNoise = fc.array(yamlToken, { maxLength: 30 }).map((tokens) => tokens.join(''));
const frontMatter = fc.oneof(
  fc
    .record({ title: text, tags: fc.array(text, { maxLength: 3 }) })
    .map(({ title, tags }) => `title: ${JSON.stringify(title)}\ncountry: GB-SCT\ntags: ${JSON.stringify(tags)}\n`),
  yamlNoise.map((noise) => `title: T\ncountry: GB-SCT\n${noise}\n`),
  yamlNoise,
);
const references = fc.oneof(
  fc.constant('- id: a2020\n  title: First\n  author: [{family: Smith}]\n  issued: {date-parts: [[2020]]}\n'),
  fc.tuple(text, yamlNoise).map(([title, noise]) => `- id: a2020\n  title: ${JSON.stringify(title)}\n  URL: ${JSON.stringify(title)}\n${noise}\n`),
  yamlNoise,
);
const profile = fc.oneof(
  fc
    .tuple(text, text)
    .map(
      ([number, name]) =>
        `name: Ukraine\nlanguages: [en]\nvariables:\n  emergency_number: ${JSON.stringify(number)}\norganisation:\n  name: ${JSON.stringify(name)}\n`,
    ),
  yamlNoise.map((noise) => `name: Ukraine\nlanguages: [en]\n${noise}\n`),
  yamlNoise,
);

describe('fuzz: random Markdown and YAML', () => {
  it('never throws out of build(), and every message on a content file has a line', async () => {
    try {
      await fc.assert(
        fc.asyncProperty(markdown, frontMatter, references, profile, fc.boolean(), async (body, front, refs, country, asCountry) => {
          const root = await makeProject({
            'briefkit.config.yaml': 'title: Fuzz\nvariables:\n  emergency_number: "112"\n',
            'briefings/case-studies/a.md': `---\n${front}---\n${body}`,
            'briefings/case-studies/b.md': '---\ntitle: B\ncountry: GB-SCT\n---\n\nFine [@a2020].\n',
            'briefings/case-studies/pic.png': PIC,
            'briefings/references.yaml': refs,
            'countries/ua.yaml': country,
          });
          const result = await build({ root, pdf: false, ...(asCountry ? { country: 'ua' } : {}) });
          for (const file of result.files) {
            if (!/(briefings|countries)[\\/]/.test(file.path)) continue;
            for (const message of file.messages) {
              expect(message.line, `${file.path}: ${message.reason}`).toBeGreaterThanOrEqual(1);
            }
          }
        }),
        { seed, numRuns: runs, interruptAfterTimeLimit: 50_000, markInterruptAsFailure: false },
      );
    } catch (failure) {
      console.error(`fuzz failed; reproduce with FUZZ_SEED=${seed}`);
      throw failure;
    }
  });
});
