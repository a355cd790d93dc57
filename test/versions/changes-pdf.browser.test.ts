/** Issue 33: a PDF's cover says what changed since the previous released version, with the address of its changes page. */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, makeProject } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const briefing = (version: string, dose: string) =>
  `---\ntitle: A briefing\nversion: "${version}"\n---\n\n## Introduction\n\nPeers carry naloxone.\n\n## Dose\n\n${dose}\n`;

describe('the PDFs of a new version and of the one it replaced (issue 33)', () => {
  it.skipIf(lacks('pdftotext'))('says on its cover what changed since V.1, and where to read it', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nbase_url: https://example.org/\n',
      'briefings/brief/index.md': briefing('2.0', 'Give a second dose after 2–3 minutes if there is no response.'),
      'versions/brief/1.0/release.yaml': 'version: "1.0"\ndate: 2024-03-01\nsource: brief/index.md\n',
      'versions/brief/1.0/source.md': briefing('1.0', 'Give a second dose after 2–3 minutes.'),
    });
    const { ok, report } = await buildProject(root, { pdf: true });
    expect(ok, report).toBe(true);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', join(root, 'dist/en/brief/brief.en.pdf'), '-'], { encoding: 'utf8' });
    expect(cover.replace(/\s+/g, ' ')).toContain('What changed since V.1.0: Dose (rewritten) https://example.org/en/brief/changes/index.html');
    // The latest's share page lists the earlier versions, each with its own share page.
    expect(await readFile(join(root, 'dist/en/brief/share/index.html'), 'utf8')).toMatch(
      /<h2 id="share-earlier">Earlier versions<\/h2>\s*<ul><li><a href="\.\.\/v1\/share\/index\.html">V\.1\.0 · March 1, 2024<\/a><\/li><\/ul>/,
    );
    // An earlier version's copy leads (by its QR code) to its own share page, which says it was replaced and where the latest is.
    const earlierShare = await readFile(join(root, 'dist/en/brief/v1/share/index.html'), 'utf8');
    expect(earlierShare).toContain('This is version 1.0 of this document, released March 1, 2024. Version 2.0 has replaced it.');
    expect(earlierShare).toContain('<a href="../../share/index.html" hreflang="en">Read the latest version</a>');
    // The earlier version's PDF, named for its version, says on its cover that it was replaced, and where the latest is.
    const earlier = execFileSync('pdftotext', ['-f', '1', '-l', '1', join(root, 'dist/en/brief/v1/brief.v1.en.pdf'), '-'], { encoding: 'utf8' });
    expect(earlier.replace(/\s+/g, ' ')).toContain(
      'An earlier version This is version 1.0 of this document, released March 1, 2024. Version 2.0 has replaced it. https://example.org/en/brief/index.html',
    );
  });
});
