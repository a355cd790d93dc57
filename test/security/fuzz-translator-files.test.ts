/**
 * Issue 27, item 4: random and mutated files from outside the project, read the way a user
 * reaches them: PO and XLIFF files through `briefkit i18n apply`, BibTeX, RIS and CSL-JSON
 * files through the bibliography loader the build uses. Each starts from a valid sample and
 * is cut, repeated and spliced with the tokens each format's parser has to get right (or is
 * random text). Nothing may escape as an exception ("unexpected error"), every message is on
 * the file at a line, and what is said about one file stays short: inputs are cut to 20,000
 * characters and the messages on one file must stay under 16,000 characters (reason and
 * hint), i.e. the first 20 problems at about 700 characters each and one saying how many
 * more there are. Hangs are caught by the test's time limit, which is no speed assertion.
 * Reproduce a failure with FUZZ_SEED=<seed in the test's name> (and FUZZ_RUNS).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { loadReferences } from '../../src/references/library.js';
import { makeProject, readText } from '../helpers/project.js';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.env.FUZZ_RUNS ?? 200);

/** Inputs are cut to this many characters; the messages on one file stay under {@link MESSAGE_BUDGET}. */
const INPUT_LIMIT = 20_000;
const MESSAGE_BUDGET = 16_000;
/** The most one message may say (reason and hint): a message quotes a few words of the file, never a whole line. */
const MESSAGE_LIMIT = 700;
/** What no message may say: a failure nothing handled, or a JavaScript stack. */
const UNHANDLED = /unexpected error|\bUnexpected\b|\n\s+at .+:\d+:\d+/;

const common = [
  '"',
  '\\',
  '{',
  '}',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u202E',
  '&#0;',
  'x'.repeat(5000),
  '{'.repeat(400),
  '['.repeat(400),
  '🙂',
];
const tokens = {
  po: [
    'msgctxt "',
    'msgctxt "x"\n',
    'msgid "',
    'msgid ""\n',
    'msgid_plural "x"\n',
    'msgstr "',
    'msgstr[0] "a"\n',
    'msgstr[7] "b"\n',
    '#~ ',
    '#~ msgid "x"\n',
    '#| msgid "old"\n',
    '#, fuzzy\n',
    '# note\n',
    '#. x\n',
    '"\n"',
    '\\x',
    '\\777',
    '\\q',
    '[@a2020]',
    '{{country_name}}',
    '[^1]',
    '`code`',
    '](https://evil.example/)',
    'https://evil.example/x',
  ],
  xliff: [
    '<![CDATA[',
    ']]>',
    '<!DOCTYPE x [<!ENTITY e "eeeeeeeeee">]>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    '&e;',
    '&#x1F600;',
    '&#xD800;',
    '&amp;',
    '&bogus;',
    '<target>',
    '</target>',
    '<source>',
    '<unit id="x">',
    '</unit>',
    '<segment state="translated">',
    '<segment state="initial">',
    '<file id="obsolete">',
    '<!--',
    '-->',
    '<?xml version="1.0"?>',
    '<?pi x?>',
    ' xmlns="urn:x"',
    '<',
    '>',
    '="',
    '[@a2020]',
    '{{country_name}}',
  ],
  bibtex: [
    '@string{a = a # a}',
    '@string{b = "x" # b}',
    '@string{',
    '@comment{',
    '@preamble{"',
    '@article{',
    '@misc(',
    '@book{k,',
    '@',
    ' # ',
    '=',
    ',',
    '{\\"o}',
    '\\',
    '$',
    '%',
    'title = {',
    'author = {and and}',
    'year = 2020,',
    'month = jan',
    'doi = {10.1/x}',
    'url = {javascript:alert(1)}',
    '@article{a,\n'.repeat(200),
  ],
  ris: [
    'TY  - ',
    'TY  - JOUR\n',
    'ER  - \n',
    'AU  - ',
    'TI  - ',
    'PY  - ',
    'DA  - 2020///',
    'ID  - ',
    'AU - x\n',
    'T1  - ',
    'DO  - 10.',
    'UR  - javascript:alert(1)\n',
    'SP  - ',
    'N1  - PMID: 1\n',
    'TY  - JOUR\n'.repeat(200),
    'TY  - JOUR\nER  - \n'.repeat(100),
  ],
  json: [
    '{',
    '}',
    '[',
    ']',
    '"id":',
    '"title":',
    '"__proto__":',
    '"constructor":',
    ',',
    ':',
    '"\\u0000"',
    '"\\ud800"',
    '1e999',
    '-0',
    'null',
    '"issued": {"date-parts": [["x"]]}',
    '"author": [{"family": 1}]',
    '"URL": "javascript:alert(1)"',
    '"DOI": "10.1/x"',
    '{},'.repeat(500),
    '1,'.repeat(500),
  ],
} as const;

/** One change to a text: insert a token, delete a slice, or repeat a slice. */
const mutation = (format: keyof typeof tokens) =>
  fc.oneof(
    fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom(...tokens[format], ...common)),
    fc.tuple(fc.constant('insert' as const), fc.nat(), fc.string({ unit: 'binary', maxLength: 20 })),
    fc.tuple(fc.constant('delete' as const), fc.nat(), fc.integer({ min: 1, max: 200 })),
    fc.tuple(fc.constant('repeat' as const), fc.nat(), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 2, max: 300 })),
  );

type Mutation = ['insert', number, string] | ['delete', number, number] | ['repeat', number, number, number];

function mutate(text: string, mutations: readonly Mutation[]): string {
  for (const change of mutations) {
    const at = change[1] % (text.length + 1);
    if (change[0] === 'insert') text = text.slice(0, at) + change[2] + text.slice(at);
    else if (change[0] === 'delete') text = text.slice(0, at) + text.slice(at + change[2]);
    else text = text.slice(0, at) + text.slice(at, at + change[2]).repeat(change[3]) + text.slice(at + change[2]);
    if (text.length > INPUT_LIMIT) text = text.slice(0, INPUT_LIMIT);
  }
  return text;
}

/** A sample of the format, mutated, with its line endings changed and a BOM or not; or random text. */
const input = (format: keyof typeof tokens, sample: () => string) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.array(mutation(format), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
        .map(([mutations, newline, bom]) => (bom ? '\uFEFF' : '') + mutate(sample().replace(/\n/g, newline), mutations as Mutation[])),
    },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...tokens[format], ...common), { maxLength: 40 }).map((parts) => parts.join('').slice(0, INPUT_LIMIT)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  );

/** Run a property with the seed, saying how to reproduce a failure. */
async function check<T>(arbitrary: fc.Arbitrary<T>, property: (value: T) => Promise<void>): Promise<void> {
  try {
    await fc.assert(fc.asyncProperty(arbitrary, property), { seed, numRuns: runs, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false });
  } catch (failure) {
    console.error(`fuzz failed; reproduce with FUZZ_SEED=${seed}`);
    throw failure;
  }
}

/** The messages of a bibliography file: each at a line, none unhandled, all together short. */
function expectShortPositioned(path: string, messages: readonly { reason: string; note?: string | undefined; line?: number | undefined }[]): void {
  let size = 0;
  for (const message of messages) {
    expect(message.reason, path).not.toMatch(UNHANDLED);
    expect(message.line, `${path}: ${message.reason}`).toBeGreaterThanOrEqual(1);
    const length = message.reason.length + (message.note?.length ?? 0);
    expect(length, `${path}: ${message.reason.slice(0, 200)}`).toBeLessThanOrEqual(MESSAGE_LIMIT);
    size += length;
  }
  expect(size, `${path}: ${messages.length} messages`).toBeLessThan(MESSAGE_BUDGET);
}

const page =
  '---\ntitle: Kits\nsummary: Peers and kits.\ncountry: GB-SCT\n---\n\n## Supply {#supply}\n\nPeers gave out [kits](https://example.org/kits) ' +
  '[@a2020].\n\nCall {{emergency_number}}.[^1]\n\n- One `code`\n- Two\n\n> A quote.\n\n[^1]: A note.\n';
const projectFiles = {
  'briefkit.config.yaml': 'title: Fuzz\nlanguages: [en, uk]\nvariables:\n  emergency_number: "112"\n',
  'briefings/case-studies/a.md': page,
};

/** `briefkit i18n …` in a project, as the command line runs it (its own error handling included). */
async function i18n(root: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['i18n', ...args], {
    cwd: root,
    color: false,
    progress: false,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** A translator's file as extract writes it, with every entry translated. */
async function extracted(format: 'po' | 'xliff'): Promise<string> {
  const root = await makeProject(projectFiles);
  expect((await i18n(root, 'extract', 'uk', '--format', format)).code).toBe(0);
  const text = await readText(root, `translations/uk/case-studies/a.${format === 'po' ? 'po' : 'xlf'}`);
  return format === 'po'
    ? text.replace(/^msgid "(.+)"\nmsgstr ""$/gm, (_, id: string) => `msgid "${id}"\nmsgstr "УКР ${id}"`)
    : text.replace(
        /state="initial"><source>([^<]*)<\/source>/g,
        (_, source: string) => `state="translated"><source>${source}</source><target>УКР ${source}</target>`,
      );
}

describe("fuzz: translators' files and bibliographies (issue 27)", () => {
  const samples: Record<'po' | 'xliff', string> = { po: '', xliff: '' };
  beforeAll(async () => {
    samples.po = await extracted('po');
    samples.xliff = await extracted('xliff');
  });

  it(`PO and XLIFF files through i18n apply: no exception, every message at a line of the file, short (seed ${seed})`, async () => {
    const file = fc.oneof(
      input('po', () => samples.po).map((text) => ['po', text] as const),
      input('xliff', () => samples.xliff).map((text) => ['xlf', text] as const),
    );
    await check(file, async ([extension, text]) => {
      const root = await makeProject({ ...projectFiles, [`translations/uk/case-studies/a.${extension}`]: text });
      const { code, stdout, stderr } = await i18n(root, 'apply', 'uk');
      expect([0, 1], stderr).toContain(code);
      expect(stderr + stdout).not.toMatch(UNHANDLED);
      expect(stderr.length).toBeLessThan(MESSAGE_BUDGET * 1.5);
      // Each message line of the report is `path:line:col  severity  reason`, and short.
      for (const line of stderr.split('\n')) {
        expect(line.length, line.slice(0, 200)).toBeLessThanOrEqual(MESSAGE_LIMIT);
        if (/^ {2}\S/.test(line)) expect(line).toMatch(new RegExp(`^ {2}translations/uk/case-studies/a\\.${extension}:\\d+:\\d+ {2}(error|warning) {2}`));
      }
    });
  });

  it(`BibTeX, RIS and CSL-JSON files through the bibliography loader: no exception, every message at a line, short (seed ${seed})`, async () => {
    const bib =
      '@string{jn = "Addiction"}\n@article{bird_2016,\n  title = {Naloxone in {Scotland}: a {\\"o} test},\n  author = {Bird, Sheila M. and ' +
      'McAuley, Andrew},\n  journal = jn,\n  year = {2016},\n  doi = {10.1111/add.13326},\n  url = {https://example.org/a},\n}\n@book{smith_2020, ' +
      'title = "A book", publisher = {P}, year = 2020}\n';
    const ris =
      'TY  - JOUR\nID  - strang_2019\nTI  - Take-home naloxone\nAU  - Strang, John\nAU  - McDonald, Rebecca\nPY  - 2019\nT2  - Addiction\nDO  ' +
      '- 10.1111/add.14580\nUR  - https://example.org/r\nER  - \n\nTY  - BOOK\nTI  - Another\nPY  - 2020\nER  - \n';
    const json =
      '[\n  {"id": "a2020", "type": "article-journal", "title": "First", "author": [{"family": "Smith", "given": "A"}], "issued": ' +
      '{"date-parts": [[2020, 5]]}, "DOI": "10.1/x", "URL": "https://example.org/j"},\n  {"id": "b2021", "title": "Second"}\n]\n';
    const file = fc.oneof(
      input('bibtex', () => bib).map((text) => ['bib', text] as const),
      input('ris', () => ris).map((text) => ['ris', text] as const),
      input('json', () => json).map((text) => ['json', text] as const),
    );
    await check(file, async ([extension, text]) => {
      const root = await makeProject({ [`briefings/references.${extension}`]: text });
      const library = await loadReferences(root);
      for (const read of library.files) {
        expect(read.path).toBeTruthy();
        expectShortPositioned(read.path, read.messages);
      }
    });
  });
});
