/**
 * Issue 27, item 6: the print tab must answer every request. A malformed percent escape in
 * an address the document loads (`%E0%A4%A`, a lone `%`) threw before the request was
 * answered, so that PDF waited for the time limit and failed. Every request is now answered
 * (found, 404) or refused, on every path; a file whose own name holds a `%` still prints.
 */
import { describe, expect, it } from 'vitest';
import { PRINT_ORIGIN } from '../../src/pdf/print-document.js';
import { printPdfs } from '../../src/pdf/print-pdfs.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

describe('issue 27: the print tab answers every request', () => {
  it('prints a document that loads addresses with malformed escapes, well inside its time limit', async () => {
    const root = await makeProject({ 'briefkit.config.yaml': 'languages: [en]\n', 'briefings/case-studies/a.md': caseStudy({ title: 'Kits' }, 'Text.\n') });
    const bad = ['bad%E0%A4%A.png', 'lone%.png', '%zz/x.svg', 'fonts/%C0%80.woff2'].map((path) => `<img src="${PRINT_ORIGIN}${path}" alt="">`).join('');
    const result = await buildProject(root, {
      pdf: true,
      // The documents as built, each with images at malformed addresses; a shorter limit than the default (120 s), so a request left waiting fails the build.
      printer: (jobs, options) =>
        printPdfs(
          jobs.map((job) => ({ ...job, html: job.html.replace('</body>', `${bad}</body>`) })),
          { ...options, timeout: 60_000 },
        ),
    });
    expect(result.report).not.toContain('pdf-timeout');
    expect(result.ok, result.report).toBe(true);
  });
});
