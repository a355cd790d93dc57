/**
 * Issue 15: `briefkit refs add <doi|pmid:N|url>` fetches a reference's details from Crossref,
 * PubMed or the page itself and appends a CSL-JSON entry to briefings/references.yaml. The
 * services are a local fake that serves recorded-style answers (fixtures/): no test goes online.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { referenceSchema } from '../../src/references/library.js';
import { entryYaml } from '../../src/references/append-reference.js';
import { baseKey, uniqueKey } from '../../src/references/citation-key.js';
import { expandPages, fromPubmed } from '../../src/references/fetch/pubmed.js';
import { parseIdentifier } from '../../src/references/identifier.js';
import { briefkit } from '../helpers/cli.js';
import { makeProject, readText, temporaryDir } from '../helpers/project.js';

const fixture = (name: string) => readFile(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** A title a service might send that YAML must quote: flow and mapping indicators, an anchor, a tag, a comment, a newline. */
const HOSTILE_TITLE = '- key: value "]: &x <script>alert(1)</script>\nkey: value # not a comment, !tag *alias';
const HOSTILE = {
  status: 'ok',
  'message-type': 'work',
  message: {
    DOI: '10.5555/hostile',
    type: 'journal-article',
    title: [HOSTILE_TITLE],
    author: [
      { given: '- Ann: "x"', family: "O'Hostile: [1]", sequence: 'first', affiliation: [] },
      { name: '&anchor {org}', sequence: 'additional', affiliation: [] },
    ],
    'container-title': ['null'],
    volume: '007',
    page: '1e3',
    publisher: '@publisher`s "press"',
    'published-print': { 'date-parts': [[2020]] },
  },
};

/** The fake Crossref, PubMed and web site, and every request they got. */
interface Services {
  readonly base: string;
  readonly requests: string[];
  close(): Promise<void>;
}

async function startServices(): Promise<Services> {
  const work = await fixture('crossref-10.1111-add.13265.example.json');
  const pubmed = new Map([
    ['28027483', await fixture('pubmed-28027483.example.xml')],
    ['26642424', await fixture('pubmed-26642424.example.xml')],
  ]);
  const empty = await fixture('pubmed-empty.xml');
  const pages = new Map([
    ['/web/article', await fixture('article-page.example.html')],
    ['/web/page', await fixture('web-page.example.html')],
  ]);
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    if (url.pathname.startsWith('/crossref/works/')) {
      const doi = decodeURIComponent(url.pathname.slice('/crossref/works/'.length)).toLowerCase();
      if (doi === '10.1111/add.13265') return send(200, 'application/json', work);
      if (doi === '10.5555/hostile') return send(200, 'application/json', JSON.stringify(HOSTILE));
      if (doi === '10.5555/limited') return send(429, 'text/plain', 'Too Many Requests', { 'retry-after': '120' });
      if (doi === '10.5555/busy') return send(503, 'text/plain', 'Service Unavailable');
      return send(404, 'text/plain', 'Resource not found.');
    }
    if (url.pathname === '/eutils/efetch.fcgi' && url.searchParams.get('db') === 'pubmed' && url.searchParams.get('retmode') === 'xml') {
      return send(200, 'text/xml; charset=UTF-8', pubmed.get(url.searchParams.get('id') ?? '') ?? empty);
    }
    const page = pages.get(url.pathname);
    return page ? send(200, 'text/html; charset=utf-8', page) : send(404, 'text/html', '<title>Not found</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** An address where nothing answers (a port that was just closed). */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

let services: Services;
let nowhere: string;
beforeAll(async () => {
  services = await startServices();
  nowhere = await closedPort();
  // The fake services are on this machine, where refs add does not fetch from unless told (issue 27).
  process.env.BRIEFKIT_REFS_ALLOW_PRIVATE = '1';
});
afterAll(async () => {
  delete process.env.BRIEFKIT_REFS_ALLOW_PRIVATE;
  await services.close();
});

/** The environment that sends refs add to a base address. */
const at = (base: string) => ({ BRIEFKIT_CROSSREF_URL: `${base}/crossref`, BRIEFKIT_PUBMED_URL: `${base}/eutils` });

/** Run the command line in this process, with these services. */
async function run(root: string, env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const code = await main(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: root,
      color: false,
    });
    return { code, stdout, stderr };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** A bibliography with comments, flow style and an entry of its own, as an author keeps it. */
const BASE = [
  '# Our references.',
  '',
  '- id: who2014',
  '  type: book',
  '  title: "Community management of opioid overdose"',
  '  author:',
  '    - literal: "World Health Organization"',
  '  issued: {date-parts: [[2014]]}',
  '  PMID: "25577941"',
  '',
  '# --- Norway ---',
  '- id: madahamiri2017',
  '  title: Rapid widespread distribution of intranasal naloxone   # trailing comment kept',
  '  author: [{family: Madah-Amiri, given: Desiree}]',
  '',
].join('\n');

const project = (references = BASE) => makeProject({ 'briefkit.config.yaml': 'title: Test\n', 'briefings/references.yaml': references });

/** The entries of a bibliography, each checked against the schema briefkit reads it with. */
function entries(text: string): Record<string, unknown>[] {
  const list = parse(text) as Record<string, unknown>[];
  for (const entry of list) expect(referenceSchema.safeParse(entry).error).toBeUndefined();
  return list;
}

const TODAY = /\(briefkit refs add, \d{4}-\d{2}-\d{2}\)/;

describe('briefkit refs add', () => {
  it('appends a PubMed record and a Crossref record after a comment naming their source, and keeps the rest of the file as it was', async () => {
    const root = await project();
    const pubmed = await run(root, at(services.base), 'refs', 'add', 'pmid:28027483');
    expect(pubmed.stderr).toBe('');
    expect(pubmed.code).toBe(0);
    expect(pubmed.stdout).toContain(
      'Added @marshall2017: Marshall C, Perreault M, Archambault L, et al. (2017) Experiences of peer-trainers in a ' +
        'take-home naloxone program: Results… Int J Drug Policy 41\n',
    );
    const crossref = await run(root, at(services.base), 'refs', 'add', '10.1111/add.13265');
    expect(crossref.code).toBe(0);
    expect(crossref.stdout).toContain('Added @bird2016: Bird SM, McAuley A, Perry S, et al. (2016) Effectiveness of Scotland');
    expect(crossref.stdout).toContain('Addiction 111(5)\n');
    expect(crossref.stdout).toContain('1 reference added to briefings/references.yaml. Cite in a page as [@bird2016].');

    const text = await readText(root, 'briefings/references.yaml');
    expect(text.startsWith(BASE)).toBe(true);
    const added = text.slice(BASE.length).split('\n');
    expect(added[1]).toMatch(/^# From PubMed, pmid:28027483 \(briefkit refs add, \d{4}-\d{2}-\d{2}\)$/);
    expect(added[2]).toBe('- id: marshall2017');
    expect(text).toMatch(/\n\n# From Crossref, doi:10\.1111\/add\.13265 \(briefkit refs add, \d{4}-\d{2}-\d{2}\)\n- id: bird2016\n/);

    const list = entries(text);
    expect(list.map((entry) => entry.id)).toEqual(['who2014', 'madahamiri2017', 'marshall2017', 'bird2016']);
    expect(list[2]).toEqual({
      id: 'marshall2017',
      type: 'article-journal',
      title: 'Experiences of peer-trainers in a take-home naloxone program: Results from a qualitative study',
      author: [
        { family: 'Marshall', given: 'C' },
        { family: 'Perreault', given: 'Michel' },
        { family: 'Archambault', given: 'L' },
        { family: 'Milton', given: 'Diana' },
      ],
      'container-title': 'The International journal on drug policy',
      'container-title-short': 'Int J Drug Policy',
      volume: '41',
      page: '19-28',
      issued: { 'date-parts': [[2017, 3]] },
      PMID: '28027483',
      URL: 'https://pubmed.ncbi.nlm.nih.gov/28027483/',
      ISSN: '1873-4758',
    });
    expect(list[3]).toEqual({
      id: 'bird2016',
      type: 'article-journal',
      title:
        "Effectiveness of Scotland's National Naloxone Programme for reducing opioid\u2010related deaths: a before (2006\u201310) versus after " +
        '(2011\u201313) comparison',
      author: [
        { family: 'Bird', given: 'Sheila M.' },
        { family: 'McAuley', given: 'Andrew' },
        { family: 'Perry', given: 'Samantha' },
        { family: 'Hunter', given: 'Carole' },
      ],
      'container-title': 'Addiction',
      'container-title-short': 'Addiction',
      volume: '111',
      issue: '5',
      page: '883-891',
      // published-print, not the earlier online date.
      issued: { 'date-parts': [[2016, 5]] },
      publisher: 'Wiley',
      DOI: '10.1111/add.13265',
      URL: 'https://doi.org/10.1111/add.13265',
      ISSN: '0965-2140',
    });
    // Names and dates on one line each, as the sample bibliography writes them.
    expect(text).toContain('\n    - {family: Bird, given: Sheila M.}\n');
    expect(text).toContain('\n  issued: {date-parts: [[2016, 5]]}\n');

    // PubMed's record of the same article names its DOI: already there.
    const same = await run(root, at(services.base), 'refs', 'add', 'https://pubmed.ncbi.nlm.nih.gov/26642424/');
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('pmid:26642424: already in briefings/references.yaml as @bird2016');
    expect(await readText(root, 'briefings/references.yaml')).toBe(text);
    // Every answer is kept in the project.
    expect((await readdir(join(root, 'references-cache/crossref'))).filter((name) => name.endsWith('.json'))).toHaveLength(1);
    expect(await readdir(join(root, 'references-cache/pubmed'))).toHaveLength(2);
  });

  it('says a DOI or PMID the file already has is there, without asking any service (a DOI in any case)', async () => {
    const root = await project(`${BASE}\n- id: bird2016\n  title: Effectiveness\n  DOI: "https://doi.org/10.1111/add.13265"\n`);
    const before = services.requests.length;
    const result = await run(root, at(services.base), 'refs', 'add', 'https://doi.org/10.1111/ADD.13265', 'pmid:25577941');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'doi:10.1111/ADD.13265: already in briefings/references.yaml as @bird2016\npmid:25577941: already in briefings/references.yaml as @who2014\n',
    );
    expect(services.requests.length).toBe(before);
  });

  it('needs no service the second time: a copy of the project with references-cache/ adds offline, and --offline never goes online', async () => {
    const first = await project();
    expect((await run(first, at(services.base), 'refs', 'add', 'pmid:28027483', '10.1111/add.13265')).code).toBe(0);
    const before = services.requests.length;
    for (const flags of [[], ['--offline']]) {
      const copy = await project();
      await cp(join(first, 'references-cache'), join(copy, 'references-cache'), { recursive: true });
      // Nothing answers at the services' addresses now.
      const result = await run(copy, at(nowhere), 'refs', 'add', 'pmid:28027483', '10.1111/add.13265', ...flags);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Added @marshall2017');
      expect(result.stdout).toContain('Added @bird2016');
      // The same entries as the first time (but for the day in the comment).
      const text = await readText(copy, 'briefings/references.yaml');
      expect(entries(text)).toEqual(entries(await readText(first, 'briefings/references.yaml')));
      const again = await run(copy, at(nowhere), 'refs', 'add', 'doi:10.1111/add.13265', ...flags);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('already in briefings/references.yaml as @bird2016');
      expect(await readText(copy, 'briefings/references.yaml')).toBe(text);
    }
    expect(services.requests.length).toBe(before);
    // --offline with nothing kept: said so, and nothing asked.
    const bare = await project();
    const offline = await run(bare, at(services.base), 'refs', 'add', '10.1111/add.13265', '--offline');
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain('doi:10.1111/add.13265: not in references-cache/, and --offline was given.');
    expect(services.requests.length).toBe(before);
  });

  describe('says what went wrong, naming the identifier, and changes nothing', () => {
    const cases: [string, string[], { nowhere: boolean } | undefined, readonly string[]][] = [
      [
        'a DOI Crossref does not know (404)',
        ['doi:10.9999/nothing'],
        undefined,
        ['doi:10.9999/nothing: not found at Crossref (', '/crossref/works/10.9999%2Fnothing). Check the DOI on the article\'s page; it starts with "10."'],
      ],
      [
        'a PMID PubMed does not know (an empty answer)',
        ['pmid:99999999'],
        undefined,
        ['pmid:99999999: not found at PubMed (', "Check the number on the article's PubMed page"],
      ],
      ['a web page that is not there', ['/web/gone'], undefined, ['/web/gone: not found at the web site (', 'Check the address in a browser']],
      [
        'a service that limits requests (429 with Retry-After)',
        ['10.5555/limited'],
        undefined,
        [
          'doi:10.5555/limited: Crossref (',
          'is limiting how often it may be asked (HTTP 429, and asks to wait 120 seconds). Wait 2 minutes and run the same command again',
        ],
      ],
      [
        'a service that is busy (503)',
        ['10.5555/busy'],
        undefined,
        ['doi:10.5555/busy: Crossref (', '(HTTP 503). Wait a minute and run the same command again'],
      ],
      [
        'a service that cannot be reached',
        ['10.1111/add.13265', 'pmid:28027483'],
        { nowhere: true },
        [
          'doi:10.1111/add.13265: Crossref (127.0.0.1:',
          'pmid:28027483: PubMed (127.0.0.1:',
          'could not be reached: the connection was refused. refs add needs the internet once per reference',
          'every build works offline',
        ],
      ],
      ['a malformed PMID', ['pmid:abc'], undefined, ['pmid:abc: this is not a PubMed ID: a PubMed ID is a number, written pmid:28027483']],
      ['a malformed DOI', ['10.1111'], undefined, ['10.1111: this is not a DOI: a DOI looks like 10.1111/add.13265']],
      ['something else', ['naloxone'], undefined, ['naloxone: this is not a DOI, a PubMed ID or a web address']],
    ];
    for (const [what, argv, options, messages] of cases) {
      it(what, async () => {
        const root = await project();
        const args = argv.map((value) => (value.startsWith('/web/') ? `${services.base}${value}` : value));
        const result = await run(root, at(options?.nowhere ? nowhere : services.base), 'refs', 'add', ...args);
        expect(result.code).toBe(1);
        for (const message of messages) expect(result.stderr).toContain(message);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(argv.length);
        expect(result.stdout).toBe('');
        expect(await readText(root, 'briefings/references.yaml')).toBe(BASE);
        await expect(readdir(join(root, 'references-cache'))).rejects.toThrow();
      });
    }

    it('still adds the others when one fails', async () => {
      const root = await project();
      const result = await run(root, at(services.base), 'refs', 'add', 'doi:10.9999/nothing', 'pmid:28027483', 'pmid:abc');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('doi:10.9999/nothing: not found at Crossref');
      expect(result.stderr).toContain('pmid:abc: this is not a PubMed ID');
      expect(result.stdout).toContain('Added @marshall2017');
      expect(entries(await readText(root, 'briefings/references.yaml')).map((entry) => entry.id)).toEqual(['who2014', 'madahamiri2017', 'marshall2017']);
    });
  });

  it('writes what a service sends as data: a hostile title and names come back exactly from the YAML', async () => {
    const root = await project();
    const result = await run(root, at(services.base), 'refs', 'add', '10.5555/hostile');
    expect(result.code).toBe(0);
    const text = await readText(root, 'briefings/references.yaml');
    expect(text.startsWith(BASE)).toBe(true);
    const list = entries(text);
    expect(list).toHaveLength(3);
    expect(list[2]).toEqual({
      id: 'ohostile2020',
      type: 'article-journal',
      // A title's line breaks are white space, as a reader sees them.
      title: HOSTILE_TITLE.replace('\n', ' '),
      author: [{ family: "O'Hostile: [1]", given: '- Ann: "x"' }, { literal: '&anchor {org}' }],
      'container-title': 'null',
      volume: '007',
      page: '1e3',
      publisher: '@publisher`s "press"',
      issued: { 'date-parts': [[2020]] },
      DOI: '10.5555/hostile',
      URL: 'https://doi.org/10.5555/hostile',
    });
    // Every line of the new entry belongs to it: nothing starts a key or item of its own.
    const lines = text.slice(BASE.length).split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^# From Crossref, doi:10\.5555\/hostile /);
    expect(lines[1]).toBe('- id: ohostile2020');
    for (const line of lines.slice(2)) expect(line).toMatch(/^ {2}[^\s-]|^ {4}- \{/);
  });

  it('round-trips any string through the YAML it writes, line breaks included', () => {
    const strings = [
      HOSTILE_TITLE,
      'a\nb\r\nc',
      ' leading and trailing ',
      '---',
      '...',
      '%YAML 1.2',
      'yes',
      '~',
      '0x1F',
      '"',
      "'",
      '\\',
      '\t#tab',
      'line\u2028separator',
      'ü ج 中',
    ];
    for (const value of strings) {
      const entry = {
        id: 'x',
        type: 'article-journal',
        title: value,
        author: [{ family: value, given: value }, { literal: value }],
        publisher: value,
        page: value,
      };
      const text = entryYaml(entry, `From ${value}`);
      expect(text.split('\n')[0]).toBe(`# From ${value.replace(/[\r\n\u2028]+/g, ' ')}`);
      expect(parse(text)).toEqual([entry]);
    }
  });

  it('gives a taken key the next letter, and takes a valid --key', async () => {
    const root = await project(`${BASE}\n- id: bird2016\n  title: Another paper by Bird\n`);
    const result = await run(root, at(services.base), 'refs', 'add', '10.1111/add.13265');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added @bird2016a:');
    expect(entries(await readText(root, 'briefings/references.yaml')).at(-1)!.id).toBe('bird2016a');
    expect(uniqueKey('bird2016', new Set(['bird2016', 'bird2016a', 'Bird2016B']))).toBe('bird2016c');
    expect(baseKey({ type: 'article-journal', title: 'x', author: [{ family: 'Lévesque' }], issued: { 'date-parts': [[2017]] } })).toBe('levesque2017');
    expect(baseKey({ type: 'webpage', title: 'The Norwegian naloxone program', author: [{ literal: 'Norwegian Centre for Addiction Research' }] })).toBe(
      'norwegian',
    );
    expect(baseKey({ type: 'webpage', title: 'The Norwegian naloxone program' })).toBe('norwegian');

    const keyed = await project();
    expect((await run(keyed, at(services.base), 'refs', 'add', 'pmid:28027483', '--key', 'profan:peers-2017')).stdout).toContain('Added @profan:peers-2017:');
    const taken = await run(keyed, at(services.base), 'refs', 'add', '10.1111/add.13265', '--key', 'who2014');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already has an entry @who2014; choose another key');
    const bad = await run(keyed, at(services.base), 'refs', 'add', '10.1111/add.13265', '--key', 'bird 2016!');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--key "bird 2016!" cannot be a citation key');
    expect((await run(keyed, at(services.base), 'refs', 'add', '10.1111/add.13265', 'pmid:1', '--key', 'x')).code).toBe(2);
  });

  it("writes the new entry with the file's line endings (CRLF) and keeps its byte-order mark", async () => {
    const crlf = `\uFEFF${BASE.replace(/\n/g, '\r\n').replace(/\r\n$/, '')}`;
    const root = await project(crlf);
    expect((await run(root, at(services.base), 'refs', 'add', 'pmid:28027483')).code).toBe(0);
    const text = await readText(root, 'briefings/references.yaml');
    expect(text.startsWith(crlf)).toBe(true);
    const added = text.slice(crlf.length);
    expect(added.startsWith('\r\n\r\n# From PubMed')).toBe(true);
    expect(added.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(entries(text.slice(1)).at(-1)!.id).toBe('marshall2017');
  });

  it('starts briefings/references.yaml when there is none, and refuses a link or a file that is not a list', async () => {
    const fresh = await makeProject({ 'briefings/index.md': '---\ntitle: Home\n---\n' });
    const created = await run(fresh, at(services.base), 'refs', 'add', 'pmid:28027483');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Added @marshall2017 (new file briefings/references.yaml)');
    const text = await readText(fresh, 'briefings/references.yaml');
    expect(text).toMatch(/^# The project's bibliography/);
    expect(entries(text).map((entry) => entry.id)).toEqual(['marshall2017']);

    const linked = await makeProject({ 'briefings/index.md': '---\ntitle: Home\n---\n', 'elsewhere.yaml': BASE });
    await symlink(join(linked, 'elsewhere.yaml'), join(linked, 'briefings/references.yaml'));
    const refused = await run(linked, at(services.base), 'refs', 'add', 'pmid:28027483');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('briefings/references.yaml is a symbolic link; refs add only adds to an ordinary file');
    expect(await readText(linked, 'elsewhere.yaml')).toBe(BASE);

    const outside = await temporaryDir();
    const escaping = await makeProject({ 'briefkit.config.yaml': 'title: Test\n' });
    await symlink(outside, join(escaping, 'briefings'));
    const escaped = await run(escaping, at(services.base), 'refs', 'add', 'pmid:28027483');
    expect(escaped.code).toBe(1);
    expect(escaped.stderr).toContain('outside the project');
    await expect(readdir(outside)).resolves.toEqual([]);

    const mapping = await project('title: not a list\n');
    const notList = await run(mapping, at(services.base), 'refs', 'add', 'pmid:28027483');
    expect(notList.code).toBe(1);
    expect(notList.stderr).toContain('briefings/references.yaml:1:1  error  briefings/references.yaml is not a list of references');
    const broken = await project('- id: a\n  title: "unclosed\n');
    const syntax = await run(broken, at(services.base), 'refs', 'add', 'pmid:28027483');
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain('YAML syntax');
    expect(syntax.stderr).toContain('nothing was fetched or added');

    const noProject = await temporaryDir();
    const none = await run(noProject, at(services.base), 'refs', 'add', 'pmid:28027483');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('has no briefings/ folder');
  });

  it('reads a web page: its DOI gets the Crossref record; else its own title and site, accessed today', async () => {
    const root = await project();
    const article = `${services.base}/web/article`;
    const viaDoi = await run(root, at(services.base), 'refs', 'add', article);
    expect(viaDoi.code).toBe(0);
    expect(viaDoi.stdout).toContain(`${article}: the page names doi:10.1111/add.13265; using its record at Crossref`);
    const page = `${services.base}/web/page`;
    const plain = await run(root, at(services.base), 'refs', 'add', page);
    expect(plain.code).toBe(0);
    const text = await readText(root, 'briefings/references.yaml');
    expect(text).toContain(`# From Crossref, doi:10.1111/add.13265, named by ${article} `);
    expect(text).toMatch(new RegExp(`# From the web page ${page.replace(/[.]/g, '\\.')} ${TODAY.source}\\n- id: takehome\\n`));
    const list = entries(text);
    expect(list.at(-2)).toMatchObject({ id: 'bird2016', DOI: '10.1111/add.13265', volume: '111' });
    const now = new Date();
    expect(list.at(-1)).toEqual({
      id: 'takehome',
      type: 'webpage',
      title: 'Take-home naloxone',
      'container-title': 'Scottish Drugs Forum',
      URL: page,
      accessed: { 'date-parts': [[now.getFullYear(), now.getMonth() + 1, now.getDate()]] },
    });
    // The same address again: already there.
    expect((await run(root, at(services.base), 'refs', 'add', page)).stdout).toContain(`${page}: already in briefings/references.yaml as @takehome`);
  });

  it('reads identifiers in every form an author copies them', () => {
    expect(parseIdentifier('10.1111/add.13265')).toMatchObject({ kind: 'doi', doi: '10.1111/add.13265' });
    expect(parseIdentifier('doi:10.1111/add.13265')).toMatchObject({ kind: 'doi', doi: '10.1111/add.13265' });
    expect(parseIdentifier('https://doi.org/10.1002/%28SICI%291097-0258')).toMatchObject({ kind: 'doi', doi: '10.1002/(SICI)1097-0258' });
    expect(parseIdentifier('https://dx.doi.org/10.1111/add.13265')).toMatchObject({ kind: 'doi', doi: '10.1111/add.13265' });
    expect(parseIdentifier('pmid:28027483')).toMatchObject({ kind: 'pmid', pmid: '28027483' });
    expect(parseIdentifier('https://pubmed.ncbi.nlm.nih.gov/28027483/')).toMatchObject({ kind: 'pmid', pmid: '28027483' });
    expect(parseIdentifier('https://example.org/a page')).toMatchObject({ kind: 'url', url: 'https://example.org/a%20page' });
    expect(parseIdentifier('28027483')).toMatchObject({ kind: 'bad' });
    expect(parseIdentifier('https://doi.org/about')).toMatchObject({ kind: 'bad' });
    expect(expandPages('883-91')).toBe('883-891');
    expect(expandPages('1199-201')).toBe('1199-1201');
    expect(expandPages('S12-5')).toBe('S12-S15');
    expect(expandPages('e1234')).toBe('e1234');
  });

  it('reads PubMed dates in every form, and its shortened pages', async () => {
    const xml = (await fixture('pubmed-26642424.example.xml')).replace(
      '<Year>2016</Year>\n                        <Month>May</Month>',
      '<MedlineDate>2016 Nov-Dec</MedlineDate>',
    );
    const record = fromPubmed(xml);
    expect(record).toMatchObject({
      kind: 'article',
      item: { issued: { 'date-parts': [[2016]] }, page: '883-891', DOI: '10.1111/add.13265', PMCID: 'PMC4982071', title: expect.not.stringMatching(/\.$/) },
    });
    expect(fromPubmed(await fixture('pubmed-empty.xml'))).toEqual({ kind: 'none' });
    expect(fromPubmed('<eFetchResult><ERROR>bad</ERROR></eFetchResult>')).toEqual({ kind: 'unreadable' });
  });

  it('is a command of its own: usage without a subcommand, help with --help, and the same from the installed command', async () => {
    const root = await project();
    const bare = await run(root, {}, 'refs');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('briefkit refs add <doi | pmid:N | url>…');
    expect((await run(root, {}, 'refs', 'remove', 'x')).code).toBe(2);
    expect((await run(root, {}, 'refs', 'add')).code).toBe(2);
    const help = await run(root, {}, 'refs', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--offline');
    expect((await run(root, {}, '--help')).stdout).toContain('refs    Add a reference to briefings/references.yaml');

    // The compiled command line, as a user runs it, with the services' addresses in its environment.
    const other = await temporaryDir();
    await mkdir(join(other, 'briefings'));
    const cli = await briefkit(['refs', 'add', '10.1111/add.13265', '--root', other], { cwd: root, env: at(services.base) });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('Added @bird2016 (new file briefings/references.yaml)');
    expect((await briefkit(['refs'], { cwd: root })).code).toBe(2);
  });
});
