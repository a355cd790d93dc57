/**
 * Issue 8, class 4: every URL read from YAML (references, country profiles, the config) obeys
 * the Markdown link rule: http(s), mailto and tel only, anything else is a positioned error,
 * and no hostile address becomes an href in a page or a link annotation in a PDF.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, listTree, makeProject, readText } from '../helpers/project.js';

const citing = caseStudy({}, 'As shown [@a].\n');

/** Every URI of every link annotation in a PDF. */
async function linkUris(path: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(path));
  const uris: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let index = 0; index < (annots?.size() ?? 0); index++) {
      const action = annots!.lookup(index, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      if (uri instanceof PDFString || uri instanceof PDFHexString) uris.push(uri.decodeText());
    }
  }
  return uris;
}

describe('URLs in references.yaml', () => {
  const hostile: [string, string, string][] = [
    [
      '"javascript:alert(1)"',
      '3:8',
      '"item 1 › URL": "javascript:" addresses are not allowed here  invalid-value\n      → Only http, https, mailto, tel links are allowed.',
    ],
    ['"JavaScript:alert(1)"', '3:8', '"item 1 › URL": "javascript:" addresses are not allowed here'],
    ['"data:text/html,<script>alert(1)</script>"', '3:8', '"item 1 › URL": "data:" addresses are not allowed here'],
    ['"vbscript:msgbox(1)"', '3:8', '"item 1 › URL": "vbscript:" addresses are not allowed here'],
    ['"file:///etc/passwd"', '3:8', '"item 1 › URL": "file:" addresses are not allowed here'],
    ['"//evil.example/x"', '3:8', '"item 1 › URL": "//evil.example/x" has no scheme'],
    ['"java\\tscript:alert(1)"', '3:8', '"item 1 › URL": contains a hidden or space character (U+0009) at character 5'],
    ['" javascript:alert(1)"', '3:8', '"item 1 › URL": contains a space at character 1'],
    ['"java\\u200Bscript:alert(1)"', '3:8', '"item 1 › URL": contains a hidden or space character (U+200B) at character 5'],
    ['"alert(1)"', '3:8', '"item 1 › URL": "alert(1)" is not a complete address'],
  ];
  for (const [url, at, reason] of hostile) {
    it(`refuses URL: ${url} at its position, and writes nothing`, async () => {
      const root = await makeProject({
        'briefings/references.yaml': `- id: a\n  title: A study\n  URL: ${url}\n`,
        'briefings/case-studies/a.md': citing,
      });
      const result = await buildProject(root);
      expect(result.report).toContain(`briefings/references.yaml:${at}  error  ${reason}`);
      // The citation still resolves: one bad field does not unlist the reference.
      expect(result.report).not.toContain('citation-unknown');
      expect(result.written).toBe(false);
      expect(await listTree(join(root, 'dist'))).toEqual([]);
    });
  }

  it('refuses a DOI or PubMed ID that is not one, at its position', async () => {
    const root = await makeProject({
      'briefings/references.yaml': '- id: a\n  title: A\n  DOI: "10.1/x\\"><script>alert(1)</script>"\n  PMID: "1/../../evil?x="\n',
      'briefings/case-studies/a.md': citing,
    });
    const { report } = await buildProject(root);
    expect(report).toContain('briefings/references.yaml:3:8  error  "item 1 › DOI": is not a DOI: a DOI looks like 10.1186/s12954-019-0300-x');
    expect(report).toContain('briefings/references.yaml:4:9  error  "item 1 › PMID": is not a PubMed ID: it is a number such as 31286979');
  });

  it('links good addresses, with the DOI encoded into one path on doi.org', async () => {
    const root = await makeProject({
      'briefings/references.yaml': [
        '- id: a\n  title: A\n  DOI: "https://doi.org/10.1002/(SICI)1097-4571<3::AID>#x?y"\n  PMID: 31286979',
        '- id: b\n  title: B\n  URL: https://example.org/report?a=1&b=2',
        '- id: c\n  title: C\n  URL: "mailto:info@example.org"',
      ].join('\n'),
      'briefings/case-studies/a.md': caseStudy({}, 'As shown [@a] [@b] [@c].\n'),
    });
    const result = await buildProject(root);
    // These entries are only a title and an address: the build says they are incomplete, nothing else.
    expect(result.report.split('\n').filter((line) => / {2}(error|warning) {2}/.test(line) && !line.includes('reference-incomplete'))).toEqual([]);
    const html = await readText(root, 'dist/en/case-studies/a/index.html');
    expect(html).toContain('href="https://doi.org/10.1002/(SICI)1097-4571%3C3%3A%3AAID%3E%23x%3Fy"');
    expect(html).toContain('href="https://pubmed.ncbi.nlm.nih.gov/31286979/"');
    expect(html).toContain('href="https://example.org/report?a=1&#x26;b=2"');
    expect(html).toContain('href="mailto:info@example.org"');
  });
});

describe('URLs in the config and country profiles', () => {
  it('are positioned errors unless http(s), mailto or tel (base_url: http(s) only)', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': [
        'title: T',
        'base_url: "mailto:x@example.org"',
        'organisation:',
        '  name: Org',
        '  url: "javascript:alert(document.domain)"',
        'licence:',
        '  name: CC BY',
        '  url: "data:text/html;base64,PHNjcmlwdD4="',
      ].join('\n'),
      'countries/ua.yaml': 'name: Ukraine\norganisation:\n  name: Org UA\n  url: "  vbscript:x"\n',
      'briefings/case-studies/a.md': caseStudy(),
    });
    const { report, written } = await buildProject(root);
    expect(report).toContain('briefkit.config.yaml:2:11  error  "base_url": "mailto:" addresses are not allowed here');
    expect(report).toContain('Only http, https links are allowed.');
    expect(report).toContain('briefkit.config.yaml:5:8  error  "organisation › url": "javascript:" addresses are not allowed here');
    expect(report).toContain('briefkit.config.yaml:8:8  error  "licence › url": "data:" addresses are not allowed here');
    expect(report).toContain('countries/ua.yaml:4:8  error  "organisation › url": contains a space at character 1');
    expect(written).toBe(false);
  });

  it('accepts web, mail and phone links and puts them in the footer', async () => {
    const root = await makeProject({
      'briefkit.config.yaml':
        'title: T\norganisation:\n  name: Org\n  url: "tel:+44-800-123"\nlicence:\n  name: CC BY\n  url: https://creativecommons.org/licenses/by/4.0/\n',
      'briefings/case-studies/a.md': caseStudy(),
    });
    const result = await buildProject(root);
    // These entries are only a title and an address: the build says they are incomplete, nothing else.
    expect(result.report.split('\n').filter((line) => / {2}(error|warning) {2}/.test(line) && !line.includes('reference-incomplete'))).toEqual([]);
    const html = await readText(root, 'dist/en/case-studies/a/index.html');
    expect(html).toContain('href="tel:+44-800-123"');
    expect(html).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
  });
});

describe('no built page carries a script link', () => {
  it('has no javascript:, data: or vbscript: href anywhere when hostile YAML is refused', async () => {
    const root = await makeProject({
      'countries/ua.yaml': 'name: Ukraine\norganisation:\n  name: Org\n  url: "javascript:alert(1)"\n',
      'briefings/references.yaml': '- id: a\n  title: A\n  URL: "javascript:alert(2)"\n',
      'briefings/case-studies/a.md': citing,
    });
    const out = join(root, 'site');
    const result = await buildProject(root, { out, allCountries: true });
    expect(result.report).toContain('countries/ua.yaml:4:8  error  "organisation › url": "javascript:" addresses are not allowed here');
    expect(result.written).toBe(false);
    for (const path of await listTree(out)) expect(await readText(out, path)).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
  });
});

describe('PDF link annotations', () => {
  it('never come from a hostile reference URL (the build errors), and do from a good one', async () => {
    const bad = await makeProject({
      'briefings/references.yaml': '- id: a\n  title: A\n  URL: "javascript:app.alert(1)"\n',
      'briefings/case-studies/a.md': citing,
    });
    const refused = await buildProject(bad, { pdf: true });
    expect(refused.report).toContain('briefings/references.yaml:3:8  error  "item 1 › URL": "javascript:" addresses are not allowed here');
    expect((await listTree(join(bad, 'dist'))).filter((path) => path.endsWith('.pdf'))).toEqual([]);

    const good = await makeProject({
      'briefings/references.yaml': '- id: a\n  title: A\n  URL: https://example.org/study\n- id: b\n  title: B\n  DOI: 10.1186/s12954-019-0300-x\n',
      'briefings/case-studies/a.md': caseStudy({}, 'As shown [@a] and [@b].\n'),
    });
    const built = await buildProject(good, { pdf: true });
    expect(built.report.split('\n').filter((line) => / {2}(error|warning) {2}/.test(line) && !line.includes('reference-incomplete'))).toEqual([]);
    const uris = await linkUris(join(good, 'dist/en/case-studies/a/a.en.pdf'));
    expect(uris).toContain('https://example.org/study');
    expect(uris).toContain('https://doi.org/10.1186/s12954-019-0300-x');
    expect(uris.filter((uri) => !/^(https?|mailto|tel):/.test(uri))).toEqual([]);
  });
});
