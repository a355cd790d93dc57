/**
 * Issue 8, class 1: the print browser is a sandbox. Text from titles, translations, country
 * variables and ui.yaml lands in the print page's `<style>` block as CSS strings and must
 * stay text; page scripts are off; nothing leaves the printer (HTTP, WebSocket, WebRTC,
 * prefetch, popups, `file:`); a document that takes too long is a positioned error, and the
 * website is still written.
 */
import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, caseStudy, listTree, makeProject, readText } from '../helpers/project.js';
import { pdfinfo, pdftotext } from '../helpers/pdf-tools.js';
import { lacks } from '../helpers/tools.js';

/** Every connection (TCP: HTTP, WebSocket) and datagram (UDP: WebRTC's STUN) that reaches the listener. */
const contacts: string[] = [];
let tcp: Server;
let udp: UdpSocket;
let port: number;

beforeAll(async () => {
  tcp = createServer((socket) => {
    contacts.push('tcp');
    socket.on('data', (data) => contacts.push(data.toString('latin1').split('\r\n')[0]!));
    socket.on('error', () => undefined);
    setTimeout(() => socket.destroy(), 100);
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  port = (tcp.address() as { port: number }).port;
  udp = createSocket('udp4');
  udp.on('message', () => contacts.push('udp'));
  await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', resolve));
});

afterAll(async () => {
  udp.close();
  await new Promise((resolve) => tcp.close(resolve));
});

/**
 * Markup that would run a script if it ever left its CSS string: it calls home over a
 * WebSocket and turns every "112" in the document into "999".
 */
const attack = (route: string) =>
  `</style><script>new ` +
  `WebSocket("ws://127.0.0.1:${port}/${route}");setInterval("document.body.innerHTML=document.body.innerHTML.split(112).join(999)",5)</script><style>`;
/** The same in an ICU message, whose apostrophes quote the `<` that would start a tag. */
const icuAttack = (route: string) => attack(route).replace(/(<\/style><script>)(.*)(<\/script><style>)/, "'$1'$2'$3'");

/** Text with all white space removed: running titles wrap where the margin box ends. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('text that lands in the print page', () => {
  it.skipIf(lacks('pdfinfo', 'pdftotext'))(
    'from a title, a translation, a country variable or ui.yaml prints as text, runs no script and opens no connection',
    async () => {
      const root = await makeProject({
        'briefkit.config.yaml': 'languages: [en, uk]\n',
        'briefings/case-studies/a.md': caseStudy({ title: `'Title ${attack('title')} "q" \\ end'` }, 'Call 112 now.\n'),
        'briefings/case-studies/b.md': caseStudy({ title: 'Plain B' }, 'Call 112 now.\n'),
        'briefings/case-studies/c.md': caseStudy({ title: "'Variable {{evil}}'" }, 'Call 112 now.\n'),
        'translations/uk/case-studies/b.md': `---\ntitle: 'Переклад ${attack('translation')}'\n---\n\nДзвоніть 112.\n`,
        'translations/uk/ui.yaml': `pageNumber: "Сторінка {page} з {pages} ${icuAttack('ui').replace(/"/g, '\\"')}"\n`,
        'countries/pl.yaml': `name: Poland\nlanguages: [en, uk]\nvariables:\n  evil: '${attack('variable')}'\n`,
      });
      const result = await buildProject(root, { pdf: true, country: 'pl' });
      // The only message: the ui.yaml attack is markup in an interface string (a warning).
      expect(result.report.split('\n').filter((line) => / {2}(error|warning) {2}/.test(line))).toEqual([
        '  translations/uk/ui.yaml:1:13  warning  "pageNumber" contains markup (</style>): interface strings are plain text, so it shows as typed  ui-markup',
      ]);
      expect(result.ok).toBe(true);

      const pdf = (slug: string, lang: string) => join(root, 'dist', lang, 'case-studies', slug, `${slug}.pl-${lang}.pdf`);
      for (const lang of ['en', 'uk']) {
        for (const slug of ['a', 'b', 'c']) {
          const text = await pdftotext(pdf(slug, lang));
          expect(text, `${slug}.${lang}.pdf`).toMatch(/(Call|Дзвоніть) 112 now|Дзвоніть 112\./);
          expect(text, `${slug}.${lang}.pdf`).not.toMatch(/(Call|Дзвоніть) 999/);
        }
      }
      // The running title (page 2 on) shows each hostile title as the text it is.
      const runningTitle = async (file: string) => squash(await pdftotext(file, 2, 2));
      expect(await runningTitle(pdf('a', 'en'))).toContain(squash(`Title ${attack('title')} "q" \\ end`));
      expect(await runningTitle(pdf('b', 'uk'))).toContain(squash(`Переклад ${attack('translation')}`));
      expect(await runningTitle(pdf('c', 'en'))).toContain(squash(`Variable ${attack('variable')}`));
      const pages = Number((await pdfinfo(pdf('a', 'uk'))).Pages);
      expect(await runningTitle(pdf('a', 'uk'))).toContain(squash(`Сторінка 2 з ${pages} ${attack('ui')}`));
      expect(contacts).toEqual([]);
    },
  );
});

describe('a print template that tries everything', () => {
  it.skipIf(lacks('pdftotext'))('runs no script and reaches nothing: no HTTP, WebSocket, WebRTC, prefetch, popup, frame or file', async () => {
    const here = `127.0.0.1:${port}`;
    const template = `<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><title>{{title}}</title>
<link rel="stylesheet" href="{{assets}}print-fonts.css">
<link rel="stylesheet" href="{{assets}}print.css">
<link rel="prefetch" href="http://${here}/prefetch"><link rel="preconnect" href="http://${here}"><link rel="dns-prefetch" href="//briefkit-test.invalid">
<style>@import url(http://${here}/import); body { background: url(http://${here}/background); }</style>
</head><body>
<main>{{{html}}}</main>
<p>Marker</p>
<img src="http://${here}/image"><img src="file:///etc/hostname"><iframe src="http://${here}/frame"></iframe><iframe src="file:///etc/passwd"></iframe>
<object data="http://${here}/object"></object><video src="http://${here}/video"></video><audio src="http://${here}/audio" autoplay></audio>
<a href="http://${here}/link" target="_blank" ping="http://${here}/ping">link</a>
<img src="x" onerror="document.body.append('HANDLER RAN')">
<script>
document.body.append('SCRIPT RAN');
new WebSocket('ws://${here}/websocket');
fetch('http://${here}/fetch');
navigator.sendBeacon('http://${here}/beacon');
window.open('http://${here}/popup');
new EventSource('http://${here}/events');
const peer = new RTCPeerConnection({ iceServers: [{ urls: 'stun:${here}' }] });
peer.createDataChannel('x');
peer.createOffer().then((offer) => peer.setLocalDescription(offer));
document.body.innerHTML = document.body.innerHTML.split('112').join('999');
while (true) {}
</script>
</body></html>
`;
    const root = await makeProject({
      'templates/print/document.hbs': template,
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }, 'Call 112 now.\n'),
      'briefings/case-studies/b.md': caseStudy({ title: 'B' }, 'Call 112 now.\n'),
    });
    const result = await buildProject(root, { pdf: true });
    // No pdf-timeout either: the page's endless loop never ran (no wall-clock limit here, which a loaded machine would fail).
    expect(result.report).toBe('');
    expect(result.ok).toBe(true);
    for (const slug of ['a', 'b']) {
      const text = await pdftotext(join(root, 'dist/en/case-studies', slug, `${slug}.en.pdf`));
      expect(text).toContain('Call 112 now.');
      expect(text).toContain('Marker');
      expect(text).not.toContain('RAN');
      expect(text).not.toContain('root:');
    }
    // Give anything still on its way time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(contacts).toEqual([]);
  });
});

describe('a print page that navigates away by itself', () => {
  it('is not printed: the navigation is refused and the document reported, and the website is written', async () => {
    const template = `<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/refresh"><title>{{title}}</title></head>
<body><main>{{{html}}}</main></body></html>
`;
    const root = await makeProject({ 'templates/print/document.hbs': template, 'briefings/case-studies/a.md': caseStudy({ title: 'A' }) });
    const result = await buildProject(root, { pdf: true });
    expect(result.ok).toBe(false);
    expect(result.written).toBe(true);
    expect(result.report).toContain(
      'briefings/case-studies/a.md:2:1  error  Could not print en/case-studies/a/a.en.pdf: The document tried to load ' +
        'another page while it was printed  pdf-print',
    );
    const files = await listTree(join(root, 'dist'));
    expect(files).toContain('en/case-studies/a/index.html');
    expect(files.some((file) => file.endsWith('.pdf'))).toBe(false);
    expect(contacts).toEqual([]);
  });
});

describe('a document that takes too long', () => {
  it('is an error on its file, and the website is still written', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }),
    });
    const previous = process.env.BRIEFKIT_PDF_TIMEOUT_MS;
    process.env.BRIEFKIT_PDF_TIMEOUT_MS = '1';
    try {
      const result = await buildProject(root, { pdf: true });
      expect(result.ok).toBe(false);
      expect(result.written).toBe(true);
      expect(result.report).toContain(
        'briefings/case-studies/a.md:2:1  error  Printing en/case-studies/a/a.en.pdf took longer than 1 ms, the limit for one document, and was stopped  ' +
          'pdf-timeout',
      );
      expect(result.report).toContain('BRIEFKIT_PDF_TIMEOUT_MS');
      const files = await listTree(join(root, 'dist'));
      expect(files).toContain('en/case-studies/a/index.html');
      expect(files.some((file) => file.endsWith('.pdf'))).toBe(false);
      // The page does not offer the PDF that is not there.
      expect(await readText(join(root, 'dist'), 'en/case-studies/a/index.html')).not.toContain('a.en.pdf');
    } finally {
      if (previous === undefined) delete process.env.BRIEFKIT_PDF_TIMEOUT_MS;
      else process.env.BRIEFKIT_PDF_TIMEOUT_MS = previous;
    }
  });
});
