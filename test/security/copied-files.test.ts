/**
 * Issue 8, class 3: files linked or embedded from Markdown, and logos, are copied into the
 * site only if their type is on the allow-list and their content is what the name says;
 * an SVG that could run script or load anything is refused, with a message at the link.
 */
import { describe, expect, it } from 'vitest';
import { png } from '../helpers/binary-files.js';
import { buildProject, caseStudy, listTree, makeProject, readText } from '../helpers/project.js';

const SVG = 'xmlns="http://www.w3.org/2000/svg"';

async function linking(file: string, content: string | Buffer, markdown = `Intro.\n\n[the file](${file})\n`) {
  const root = await makeProject({
    'briefings/case-studies/a.md': caseStudy({}, markdown),
    'briefings/case-studies/other.md': caseStudy({ title: 'Other' }, '[missing](nope.md)\n'),
  });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(`${root}/briefings/case-studies/${file}`, content);
  return { root, ...(await buildProject(root)) };
}

describe('files linked from Markdown', () => {
  it.each(['page.html', 'page.htm', 'page.xhtml', 'data.xml', 'app.js', 'app.mjs', 'tool.exe', 'run.sh', 'README'])(
    'refuses %s at the link, and still checks the other files',
    async (name) => {
      const { report, written } = await linking(name, '<html><script>alert(1)</script></html>');
      expect(written).toBe(false);
      expect(report).toMatch(new RegExp(`briefings/case-studies/a\\.md:8:1 +error +"${name.replace('.', '\\.')}" is not published: .* file-type`));
      expect(report).toContain('briefings/case-studies/other.md');
    },
  );

  it('says why an HTML file is refused and what to do instead', async () => {
    const { report } = await linking('page.html', '<p>hi</p>');
    expect(report).toContain('(they could run script on the site)');
    expect(report).toContain('Turn it into a Markdown page or a PDF');
  });

  it('refuses a .png whose bytes are HTML or SVG, and a .pdf that is not a PDF', async () => {
    const png = await linking('chart.png', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '![chart](chart.png)\n');
    expect(png.report).toMatch(/a\.md:6:1 +error +"chart\.png" is not a PNG image: its content is HTML or SVG, which a browser could run +file-content/);
    const pdf = await linking('report.pdf', '<!doctype html><script>alert(1)</script>');
    expect(pdf.report).toMatch(/a\.md:8:1 +error +"report\.pdf" is not a PDF: its content is HTML or SVG/);
    const csv = await linking('table.csv', '<html><body><script>alert(1)</script>');
    expect(csv.report).toContain('"table.csv" is not a CSV file');
  });

  it('copies the allowed types', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({}, '![p](p.png) [d](d.pdf) [c](c.csv) [x](x.docx) [t](t.txt) [s](s.svg)\n'),
      'briefings/case-studies/d.pdf': '%PDF-1.7\n',
      'briefings/case-studies/c.csv': 'a,b\n1,2\n',
      'briefings/case-studies/x.docx': 'PK\u0003\u0004rest',
      'briefings/case-studies/t.txt': 'plain words',
      'briefings/case-studies/s.svg': inkscape,
    });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${root}/briefings/case-studies/p.png`, png(2, 2));
    const { report, written } = await buildProject(root);
    expect(report).toBe('');
    expect(written).toBe(true);
    expect(await listTree(`${root}/dist/en/case-studies/a`)).toEqual(['c.csv', 'd.pdf', 'index.html', 'p.png', 's.svg', 't.txt', 'x.docx']);
  });
});

// What drawing programs write: a DOCTYPE without declarations, editor namespaces, CDATA style
// with url(#…), local references, an embedded raster image, a web link.
const inkscape =
  `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" ` +
  `"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Created with Inkscape -->
<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink" ` +
  `xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" ` +
  `xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" viewBox="0 0 10 10">
  <sodipodi:namedview inkscape:zoom="1"><inkscape:grid ` +
  `type="xygrid"/></sodipodi:namedview>
  <metadata><rdf:RDF><rdf:Description rdf:about=""/></rdf:RDF></metadata>
  <defs><linearGradient ` +
  `id="g"><stop offset="0" stop-color="#fff"/></linearGradient>
  <style><![CDATA[ .a { fill: url(#g); } ]]></style></defs>
  <rect class="a" ` +
  `width="10" height="10" style="fill:url('#g')" />
  <use xlink:href="#g" />
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" ` +
  `height="1"/>
  <a href="https://example.org/"><text x="1" y="5">A &amp; B &#x263A;</text></a>
  <animate attributeName="opacity" from="0" to="1" ` +
  `dur="1s"/>
</svg>
`;

describe('SVG images', () => {
  const hostile: [string, string, string][] = [
    ['a <script> element', `<svg ${SVG}>\n<script>alert(1)</script></svg>`, 'a <script> element (its line 2)'],
    ['an event handler', `<svg ${SVG} onload="alert(1)"/>`, 'an event handler (onload="…")'],
    ['an upper-case event handler', `<svg ${SVG}><rect ONCLICK="alert(1)"/></svg>`, 'an event handler (ONCLICK="…")'],
    ['a javascript: link', `<svg ${SVG}><a href=" java&#x09;script:alert(1)"><text>x</text></a></svg>`, 'a script address in href="…"'],
    [
      'a javascript: xlink:href',
      `<svg ${SVG} xmlns:x="http://www.w3.org/1999/xlink"><a x:href="&#106;avascript:alert(1)">x</a></svg>`,
      'a script address in x:href="…"',
    ],
    [
      'a data: use',
      `<svg ${SVG}><use href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`,
      'a reference to another file or address (href="data:image/svg+xml;base64,PHN2Zz4=")',
    ],
    [
      'an animation that sets a link',
      `<svg ${SVG}><a><set attributeName="href" to="https://example.org"/><text>x</text></a></svg>`,
      'an animation that changes href',
    ],
    [
      'an animation to javascript:',
      `<svg ${SVG}><a><animate attributeName="xlink:href" values="javascript:alert(1)"/></a></svg>`,
      'an animation that changes xlink:href',
    ],
    ['a javascript: value elsewhere', `<svg ${SVG}><a><animate attributeName="x" values="javascript:alert(1)"/></a></svg>`, 'a script address in values="…"'],
    ['a foreignObject', `<svg ${SVG}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`, 'a <foreignObject> element'],
    [
      'an HTML element by prefix',
      `<svg ${SVG} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`,
      'an element from another language (<h:script>)',
    ],
    ['an external image', `<svg ${SVG}><image href="https://tracker.example/p.png"/></svg>`, 'a reference to another file or address'],
    ['a file next to it', `<svg ${SVG}><image href="secret.png"/></svg>`, 'a reference to another file or address (href="secret.png")'],
    ['a CSS import', `<svg ${SVG}><style>@import url(https://x.example/a.css);</style></svg>`, 'a CSS @import'],
    ['a CSS url() to a server', `<svg ${SVG}><rect style="fill: url(https://x.example/)"/></svg>`, 'a CSS url() to another file or address'],
    ['a url() in a presentation attribute', `<svg ${SVG}><rect cursor="url(https://x.example/c.png), auto"/></svg>`, 'a CSS url() to another file or address'],
    ['a CSS escape', `<svg ${SVG}><style>a { background: \\75rl(https://x.example/) }</style></svg>`, 'a CSS escape'],
    [
      'an entity declaration',
      `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>\n<svg ${SVG}>&x;</svg>`,
      'a DOCTYPE with its own declarations',
    ],
    ['an unknown entity', `<svg ${SVG}>&x;</svg>`, 'an entity reference (&x;)'],
    ['a style sheet processing instruction', `<?xml-stylesheet type="text/xsl" href="data:,x"?><svg ${SVG}/>`, 'a processing instruction'],
    ['no SVG namespace', '<svg><script>alert(1)</script></svg>', 'no <svg xmlns="http://www.w3.org/2000/svg"> root element'],
    ['an HTML root', '<html><body><script>alert(1)</script></body></html>', 'no <svg xmlns'],
    ['an iframe', `<svg ${SVG}><iframe src="https://x.example"/></svg>`, 'a <iframe> element'],
    ['malformed XML hiding a tag', `<svg ${SVG}><rect width="1></svg>`, 'an attribute value that never ends (width)'],
  ];

  it.each(hostile)('refuses an SVG with %s, at the image', async (_, svg, what) => {
    const { report, written } = await linking('d.svg', svg, 'Intro.\n\n![diagram](d.svg)\n');
    expect(written).toBe(false);
    expect(report).toContain(`a.md:8:1`);
    expect(report).toContain(`"d.svg" is not published: the SVG has ${what}`);
    expect(report).toContain('svg-unsafe');
    expect(report).toContain('Plain SVG');
  });

  it('refuses it when linked, not only when shown', async () => {
    const { report } = await linking('d.svg', `<svg ${SVG}><script>alert(1)</script></svg>`);
    expect(report).toMatch(/a\.md:8:1 +error +"d\.svg" is not published: the SVG has a <script> element/);
  });
});

describe('logos', () => {
  const logoProject = (logo: string, content: string, where: 'config' | 'country' = 'config') =>
    makeProject({
      'briefings/case-studies/a.md': caseStudy(),
      [`branding/${logo}`]: content,
      ...(where === 'config'
        ? { 'briefkit.config.yaml': `title: T\norganisation:\n  name: X\n  logo: branding/${logo}\n` }
        : { 'countries/ua.yaml': `name: Ukraine\nlanguages: [en]\nvariables: {}\norganisation:\n  name: K\n  logo: branding/${logo}\n` }),
    });

  it('refuses a logo that is not an image, at its line in the config', async () => {
    const { report, written } = await buildProject(await logoProject('logo.html', '<script>alert(1)</script>'));
    expect(written).toBe(false);
    expect(report).toMatch(
      /briefkit\.config\.yaml:4:9 +error +"branding\/logo\.html" is not published: \.html files are not an image type a logo may be .*logo-type/,
    );
    const pdf = await buildProject(await logoProject('logo.pdf', '%PDF-1.4'));
    expect(pdf.report).toContain('"branding/logo.pdf" is not published: .pdf files are not an image type a logo may be');
  });

  it('refuses a logo SVG with script, in the config and in a country profile', async () => {
    const svg = `<svg ${SVG}>\n<circle r="1"/>\n<script>fetch("https://x.example")</script></svg>`;
    const { report } = await buildProject(await logoProject('logo.svg', svg));
    expect(report).toMatch(
      /briefkit\.config\.yaml:4:9 +error +"branding\/logo\.svg" is not published: the SVG has a <script> element \(its line 3\) +svg-unsafe/,
    );
    const country = await buildProject(await logoProject('ua.svg', svg, 'country'), { country: 'ua' });
    expect(country.report).toMatch(/countries\/ua\.yaml:6:9 +error +"branding\/ua\.svg" is not published: the SVG has a <script> element/);
  });

  it('refuses a .png logo that is really HTML', async () => {
    const { report } = await buildProject(await logoProject('logo.png', '<html><script>alert(1)</script>'));
    expect(report).toContain('"branding/logo.png" is not a PNG image: its content is HTML or SVG');
  });

  it('still copies a plain SVG logo', async () => {
    const root = await logoProject('logo.svg', inkscape);
    const { report, written } = await buildProject(root);
    expect(report).toBe('');
    expect(written).toBe(true);
    expect(await readText(root, 'dist/assets/logo.svg')).toContain('Inkscape');
  });
});
