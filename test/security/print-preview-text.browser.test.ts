/**
 * Issue 27, item 1 (the audit): our strings also reach Paged.js, which lays out `?print` in
 * `briefkit dev` (running heads, the contents, the kicker). Markup in a title, a heading
 * and a tag stays text there, and so does a problem's source line in the dev overlay: no
 * handler runs.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { DevServer } from '../../src/dev/dev-server.js';
import { until } from '../helpers/dev.js';
import { caseStudy, makeProject } from '../helpers/project.js';

const HOSTILE = '<img src=x onerror="window.pwned=1">';
let browser: Browser;
let server: DevServer;
let root: string;

beforeAll(async () => {
  root = await makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
    'briefings/guide/index.md':
      `---\ntitle: 'Guide ${HOSTILE}'\ndate: 2023-09-25\ncase_studies: [a]\n---\n\n## Section &lt;img src=x ` + `onerror="window.pwned=2"&gt; one\n\nText.\n`,
    'briefings/case-studies/a.md': caseStudy({ title: `'Case ${HOSTILE}'`, tags: `['${HOSTILE}']` }, 'Text.\n'),
  });
  browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  server = await DevServer.start({ root, log: () => undefined });
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('issue 27: strings that reach Paged.js and the dev overlay stay text', () => {
  it('the ?print preview lays out a hostile title, heading and tag without running them', async () => {
    const tab = await browser.newPage();
    await until(async () => (await fetch(new URL('en/guide/?print', server.url))).status === 200, 'the first build', 120_000);
    await tab.goto(new URL('en/guide/?print', server.url).href, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.documentElement.dataset.briefkitPaged, { timeout: 120_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = await tab.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      live: document.querySelectorAll('[onerror], [onload]').length,
      text: document.body.textContent ?? '',
    }));
    expect(seen.pwned).toBeUndefined();
    expect(seen.live).toBe(0);
    expect(seen.text).toContain('Guide <img src=x onerror="window.pwned=1">');
    await tab.close();
  });

  it('the dev overlay shows a problem whose source line carries markup as text', async () => {
    await until(async () => (await fetch(new URL('en/guide/', server.url))).status === 200, 'the first build', 120_000);
    await writeFile(
      join(root, 'briefings/guide/index.md'),
      `---\ntitle: Guide\ndate: 2023-09-25\ncase_studies: [a]\n---\n\n## One\n\n{{unknown_name}} <svg onload="window.pwned=3"> ${HOSTILE}\n`,
    );
    const tab = await browser.newPage();
    await tab.goto(new URL('en/guide/', server.url).href, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.body.textContent?.includes('unknown_name'), { timeout: 120_000 });
    const seen = await tab.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      live: document.querySelectorAll('[onerror], [onload]').length,
    }));
    expect(seen.pwned).toBeUndefined();
    expect(seen.live).toBe(0);
    await tab.close();
  });
});
