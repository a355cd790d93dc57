/**
 * Issue 15: the bibliography can come from Zotero or Mendeley. Besides
 * `briefings/references.yaml`, every `.bib` (BibTeX), `.ris` and `.json` (CSL-JSON) file
 * directly in `briefings/` is read; each problem is reported at its line and column, one
 * broken entry does not stop the others, and a key defined twice is a warning where it is
 * defined again.
 */
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject, readText, temporaryDir } from '../helpers/project.js';

const fixture = (name: string) => readFile(join(import.meta.dirname, 'fixtures/zotero', name), 'utf8');
const PAGE = 'dist/en/case-studies/a/index.html';

/** A project whose case study cites these keys, with these files in `briefings/`. */
function project(keys: readonly string[], files: Record<string, string>): Promise<string> {
  const body = `Peers carry naloxone ${keys.map((key) => `[@${key}]`).join(' ')}.\n`;
  return makeProject({
    'briefkit.config.yaml': 'title: Test\n',
    'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, body),
    ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`briefings/${name}`, text])),
  });
}

/** The keys of a .bib file, in order. */
const bibKeys = (text: string) => [...text.matchAll(/^@\w+\{([^,\s]+),/gm)].map((match) => match[1]!);

/** The text of the page's reference list (whatever the citation style, the text of each reference is in it). */
async function referenceText(root: string): Promise<{ html: string; text: string; tree: Root }> {
  const html = await readText(root, PAGE);
  const tree = fromHtml(html);
  return { html, text: toString(tree), tree };
}

describe('a Zotero BibTeX export', () => {
  it('builds with all 20 entries cited, LaTeX decoded and DOIs linked', async () => {
    const bib = await fixture('library.bib');
    const keys = bibKeys(bib);
    expect(keys).toHaveLength(20);
    const root = await project(keys, { 'library.bib': bib });
    const { report, ok } = await buildProject(root);
    expect(report).toBe('');
    expect(ok).toBe(true);
    const { html, text } = await referenceText(root);
    for (const key of keys) expect(html).toContain(`id="ref-${key}"`);
    expect(text).toContain('Effectiveness of Scotland');
    expect(text).toContain('Bird');
    // {\"o}, {\o}, {\'e}, {\^a}, {\`a} and {\textendash}, decoded by Citation.js (family names: a style may shorten given names).
    expect(text).toContain('Löfgren');
    expect(text).toContain('Grønnestad');
    expect(text).toContain('Gagné');
    expect(text).toContain('Château');
    expect(text).toContain('La naloxone à emporter');
    expect(text).toContain('évaluation');
    expect(text).toContain('2006–10');
    expect(text).not.toMatch(/\\["'`^~]|\\textendash|\{NHS\}/);
    expect(html).toContain('https://doi.org/10.1016/j.drugpo.2015.09.011');
    expect(html).toContain('https://doi.org/10.15585/mmwr.mm6933a2');
    // Zotero writes the PubMed ID in "note" (its Extra field): it becomes the reference's PMID.
    expect(html).toContain('pubmed.ncbi.nlm.nih.gov/26642424');
    // A protected capital ({NHS}) and the title of a @techreport, @incollection, @phdthesis and @inproceedings.
    expect(text).toContain('NHS inform');
    expect(text).toContain('Drug-related deaths in Scotland in 2022');
    expect(text).toContain('Peer workers and the distribution of take-home naloxone');
    expect(text).toContain('Community pharmacists and naloxone');
    expect(text).toContain('Nasal naloxone in peer outreach');
  });
});

describe('RIS and CSL-JSON exports', () => {
  it('reads a Zotero RIS export; a record is cited by the key Zotero would give it', async () => {
    const root = await project(['strang_take-home_2019', 'world_health_organization_community_2014', 'nhs_inform_naloxone_2023'], {
      'library.ris': await fixture('library.ris'),
    });
    const { report, ok } = await buildProject(root);
    expect(report).toBe('');
    expect(ok).toBe(true);
    const { html, text } = await referenceText(root);
    expect(text).toContain('Take-Home Naloxone for the Emergency Interim Management of Opioid Overdose');
    expect(text).toContain('Strang');
    expect(text).toContain('Community management of opioid overdose');
    expect(text).toContain('Naloxone: how to use it and where to get it');
    expect(html).toContain('https://doi.org/10.1007/s40265-019-01154-5');
  });

  it('reads a Zotero CSL JSON export', async () => {
    const root = await project(['madah-amiri_rapid_2017', 'kerr_randomized_2009', 'harm_reduction_international_global_2022'], {
      'library.json': await fixture('library.json'),
    });
    const { report, ok } = await buildProject(root);
    expect(report).toBe('');
    expect(ok).toBe(true);
    const { html, text } = await referenceText(root);
    expect(text).toContain('Rapid widespread distribution of intranasal naloxone');
    expect(text).toContain('Madah-Amiri');
    expect(text).toContain('Harm Reduction International');
    expect(html).toContain('https://doi.org/10.1016/j.drugalcdep.2016.12.018');
  });

  it('reads a CSL-JSON object with an "items" list, and a RIS record\'s own key (ID)', async () => {
    const json = JSON.stringify({ items: [{ id: 'wrapped_2016', type: 'report', title: 'Wrapped in items', issued: { raw: '2016-05' } }] }, null, '\t');
    const risText = 'TY  - RPRT\nID  - own_key_2019\nTI  - With its own key\nAB  - An abstract\non two lines\nPY  - 2019\nER  - \n';
    const root = await project(['wrapped_2016', 'own_key_2019'], { 'a.json': json, 'b.ris': risText });
    const { report, ok } = await buildProject(root);
    expect(report).not.toMatch(/ error /);
    expect(ok).toBe(true);
    const { text } = await referenceText(root);
    expect(text).toContain('Wrapped in items');
    expect(text).toContain('2016');
    expect(text).toContain('With its own key');
  });

  it('reads references.yaml and every export beside it together', async () => {
    const root = await project(['who2014', 'bird_effectiveness_2016', 'strang_take-home_2019', 'kerr_randomized_2009'], {
      'references.yaml': '- id: who2014\n  type: book\n  title: Community management of opioid overdose\n',
      'library.bib': await fixture('library.bib'),
      // Zotero keys the same record alike in both exports: the .bib (read first) wins, with a warning on the RIS record.
      'library.ris': await fixture('library.ris'),
      'library.json': await fixture('library.json'),
      'old/ignored.bib': '@article{ignored, title = {In a sub-folder}}\n',
    });
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(true);
    expect(report).toContain(
      'briefings/library.ris:1:1  warning  Citation key "strang_take-home_2019" is defined twice: it is already defined at briefings/library.bib:63:10',
    );
    expect(report).toContain(
      'briefings/library.json:49:9  warning  Citation key "kerr_randomized_2009" is defined twice: it is already defined at briefings/library.bib',
    );
    expect(report).not.toContain('ignored');
    expect(report).not.toContain('citation-unknown');
  });
});

describe('problems in an export, each at its place', () => {
  it('reports a BibTeX entry whose "}" is missing, and still reads the entries around it', async () => {
    const bib = [
      '@article{good_one_2016,',
      '\ttitle = {Good one},',
      '\tyear = {2016},',
      '}',
      '',
      '@article{broken_2017,',
      '\ttitle = {Its closing brace is missing},',
      '\tyear = {2017},',
      '',
      '@book{good_two_2018,',
      '\ttitle = {Good two},',
      '\tyear = {2018},',
      '}',
      '',
      '@article{no_equals_2019,',
      '\ttitle {Oops},',
      '}',
      '',
      '@article{title = {No key}, year = {2020}}',
      '',
    ].join('\n');
    const root = await project(['good_one_2016', 'good_two_2018', 'broken_2017', 'no_equals_2019'], { 'library.bib': bib });
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(false);
    expect(report).toContain('briefings/library.bib:6:1  error  The entry "broken_2017" is not closed: its "}" is missing  bibtex-syntax');
    expect(report).toContain('End the entry with "}" after its last field (line 8)');
    expect(report).toContain('briefings/library.bib:16:8  error  This field has no "=" between its name and its value  bibtex-syntax');
    expect(report).toContain('briefings/library.bib:19:1  error  This @article entry has no key  bibtex-syntax');
    // The good entries (and the broken ones' keys) are known: no citation is reported unknown.
    expect(report).not.toContain('citation-unknown');
    expect(report.match(/ error /g)).toHaveLength(3);
  });

  it('reports a RIS record without "ER  -" and a line that is not a RIS line', async () => {
    const risText = [
      'TY  - JOUR',
      'TI  - Without an end',
      'AU  - Bird, Sheila M.',
      'PY  - 2016',
      '',
      'TY  - BOOK',
      'TI  - A book',
      'AU - McAuley, Andrew',
      'PY  - 2015',
      'ER  - ',
      '',
    ].join('\n');
    const root = await project(['bird_without_2016', 'noauthor_book_2015'], { 'library.ris': risText });
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(false);
    expect(report).toContain('briefings/library.ris:1:1  error  This record has no "ER  -" line: it runs into the next record, at line 6  ris-syntax');
    expect(report).toContain(
      'briefings/library.ris:8:1  error  This line is not a RIS line: a line is a tag, two spaces, a hyphen, a space and the value  ris-syntax',
    );
    expect(report).toContain('Write it as "AU  - McAuley, Andrew"');
    expect(report).not.toContain('citation-unknown');
  });

  it('reports a CSL-JSON syntax error at its line and column, and an item without an id', async () => {
    const broken = '[\n\t{\n\t\t"id": "a",\n\t\t"title": "A",\n\t},\n]\n';
    const noId = '[\n\t{\n\t\t"id": "b",\n\t\t"title": "B"\n\t},\n\t{\n\t\t"type": "book",\n\t\t"title": "C"\n\t}\n]\n';
    const root = await project(['b'], { 'broken.json': broken, 'items.json': noId });
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(false);
    expect(report).toContain('briefings/broken.json:5:2  error  JSON syntax: expected double-quoted property name  json-syntax');
    expect(report).toContain('briefings/items.json:6:2  error  Item 2 has no "id", so it cannot be cited  reference-no-key');
    expect(report).not.toContain('citation-unknown');
  });

  it('reports a field of the wrong kind at the field', async () => {
    const json = '[\n\t{\n\t\t"id": "a",\n\t\t"title": ["A"],\n\t\t"DOI": "doi:10.1/x"\n\t}\n]\n';
    const root = await project(['a'], { 'library.json': json });
    const { report } = await buildProject(root);
    expect(report).toContain('briefings/library.json:4:12  error  "title": should be text  invalid-value');
    expect(report).toContain('briefings/library.json:5:10  error  "DOI": is not a DOI');
  });

  it('warns at the second definition of a key, naming the first; the first is used', async () => {
    const root = await project(['bird_effectiveness_2016'], {
      'references.yaml': '- id: other2020\n  title: Another\n- id: bird_effectiveness_2016\n  type: article-journal\n  title: Defined in YAML\n',
      'library.bib': await fixture('library.bib'),
    });
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(true);
    expect(report).toContain(
      'briefings/library.bib:2:10  warning  Citation key "bird_effectiveness_2016" is defined twice: it is already defined at ' +
        'briefings/references.yaml:3:7, and that definition is used  reference-duplicate',
    );
    const { text } = await referenceText(root);
    expect(text).toContain('Defined in YAML');
    expect(text).not.toContain('Effectiveness of Scotland');
  });

  it('warns about a key defined twice in references.yaml (no longer an error)', async () => {
    const root = await project(['a2020'], { 'references.yaml': '- id: a2020\n  title: First\n- id: a2020\n  title: Second\n' });
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(true);
    expect(report).toContain(
      'briefings/references.yaml:3:7  warning  Citation key "a2020" is defined twice: it is already defined at briefings/references.yaml:1:7',
    );
  });

  it('refuses a .bib that is a link out of the project, and still reads the others', async () => {
    const outside = await temporaryDir();
    await writeFile(join(outside, 'secret.bib'), '@article{secret, title = {Secret}}\n');
    const root = await project(['bird_effectiveness_2016'], { 'library.bib': await fixture('library.bib') });
    await symlink(join(outside, 'secret.bib'), join(root, 'briefings/leak.bib'));
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(false);
    expect(report).toContain(
      `briefings/leak.bib  error  briefings/leak.bib is a symbolic link to ${join(outside, 'secret.bib')}, outside the project  symlink-outside`,
    );
    expect(report).not.toContain('citation-unknown');
  });
});

describe('hostile strings from a .bib', () => {
  const hostile = [
    '@article{hostile_2020,',
    '\ttitle = {<script>alert(1)</script> and "><img src=x onerror=alert(1)>},',
    '\tauthor = {<b onmouseover=alert(1)>Evil</b>, Eve},',
    '\tjournal = {</cite><script>alert(2)</script>},',
    '\tyear = {2020},',
    '}',
    '',
  ].join('\n');

  it('shows them as text, never as markup', async () => {
    const root = await project(['hostile_2020'], { 'library.bib': hostile });
    const { report, ok } = await buildProject(root);
    expect(report).toBe('');
    expect(ok).toBe(true);
    const { html, text, tree } = await referenceText(root);
    expect(text).toContain('<script>alert(1)</script> and "><img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b onmouseover');
    const found: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'script' && toString(node).includes('alert')) found.push('script');
      if (Object.keys(node.properties).some((name) => /^on/i.test(name))) found.push(`${node.tagName} with a handler`);
    });
    expect(found).toEqual([]);
  });

  it('refuses a javascript: address at its line and column, and a key that would break out of an attribute', async () => {
    const bib =
      `${hostile}\n@misc{link_2021,\n\ttitle = {A link},\n\turl = {javascript:alert(1)},\n\tyear = ` +
      `{2021},\n}\n\n@misc{x"onclick="alert(1),\n\ttitle = {Quote},\n}\n`;
    const root = await project(['hostile_2020', 'link_2021'], { 'library.bib': bib });
    const { report, ok, written } = await buildProject(root);
    expect(ok).toBe(false);
    expect(written).toBe(false);
    expect(report).toContain('briefings/library.bib:10:8  error  "URL": "javascript:" addresses are not allowed here  invalid-value');
    expect(report).toContain('briefings/library.bib:14:7  error  "id": use letters, digits and - _ : . for citation keys  invalid-value');
    expect(report).not.toContain('citation-unknown');
  });
});
