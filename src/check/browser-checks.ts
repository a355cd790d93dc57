import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { LOCAL_SITE_ARGS, launchBrowser } from '../pdf/browser.js';
import type { CheckedSite } from './checked-site.js';
import { serveStatic } from './static-server.js';

/** How long a page may take to load before it is reported. */
const LOAD_TIMEOUT = 30_000;

/** Pages loaded at once (each in its own tab): on two cores, about 1.5 times as fast as one. */
const TABS = 2;

/** One axe-core finding, as the page returns it. */
interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly targets: readonly string[];
}

/**
 * Every page loaded in Chromium from a local web server, as a reader gets it:
 * - any request to another origin is refused and reported (a font, image or script from
 *   elsewhere tells that site who reads the page; the site must work offline too);
 * - a file of the site that is missing (404) and a script error are reported;
 * - one page of each kind in each language (a briefing, a case study, the country index,
 *   the search page…) gets axe-core's WCAG 2.1 AA and best-practice rules: serious and
 *   critical findings are errors, moderate and minor ones warnings.
 *
 * Resolves, once every page has loaded, to what tells the findings, in the order of the pages:
 * the other checks run meanwhile, and report first.
 */
export async function loadInBrowser(site: CheckedSite, languages: readonly string[], configured?: string): Promise<() => void> {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Nothing changes while the pages load: each tab keeps the files pages share (a quarter less work).
  const server = await serveStatic(site.outDir, { unchanging: true });
  const browser = await launchBrowser(process.env, undefined, LOCAL_SITE_ARGS, configured);
  // What each page showed, told in the order of the pages once all are loaded (tabs finish in any order).
  const findings = new Map<string, (() => void)[]>();
  const seen = new Set<string>();
  const tell = (page: string, key: string, report: () => void) => {
    if (seen.has(`${page}\n${key}`)) return;
    seen.add(`${page}\n${key}`);
    findings.set(page, [...(findings.get(page) ?? []), report]);
  };
  const audited = axePages(site, languages);
  const queue = [...site.pages];
  /** One tab loads pages from the queue until it is empty. */
  const loadPages = async () => {
    const tab = await browser.newPage();
    await tab.setRequestInterception(true);
    let current = '';
    tab.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (url.startsWith(server.origin) || /^(data|blob|about):/.test(url)) {
        void request.continue();
        return;
      }
      const page = current;
      tell(page, url, () =>
        site.report(page, {
          reason: `Loading this page asks ${hostOf(url)} for ${url}: readers' browsers would tell that site who reads the page, and it fails offline`,
          rule: 'third-party-request',
          needle: url,
          toldBy: 'remote-image',
          hint: 'Save the file in the project (next to the page, or in templates/assets/) and link to it there.',
        }),
      );
      void request.abort('blockedbyclient');
    });
    tab.on('response', (response) => {
      const url = response.url();
      if (!url.startsWith(server.origin) || response.status() < 400 || url.endsWith('/favicon.ico')) return;
      const page = current;
      const path = decodeURIComponent(new URL(url).pathname.slice(1));
      tell(page, `404 ${url}`, () =>
        site.report(page, {
          reason: `Loading this page asks for ${path}, which the site does not have`,
          rule: 'file-missing',
          needle: path.split('/').at(-1),
          hint: 'Check the address in the page or template that names it.',
        }),
      );
    });
    tab.on('pageerror', (thrown) => {
      const page = current;
      const text = thrown instanceof Error ? thrown.message : String(thrown);
      tell(page, `error ${text}`, () =>
        site.report(page, { reason: `A script on this page failed: ${text}`, rule: 'script-error', hint: 'Check the scripts your templates add.' }),
      );
    });
    for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
      current = page;
      const loaded = page;
      try {
        await tab.goto(`${server.origin}${page.split('/').map(encodeURIComponent).join('/')}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      } catch (cause) {
        tell(loaded, 'load', () => site.report(loaded, { reason: `The page did not load: ${(cause as Error).message}`, rule: 'page-load' }));
        continue;
      }
      if (!audited.has(page)) continue;
      for (const violation of await auditWhereItLands(tab, axeSource)) {
        const serious = violation.impact === 'serious' || violation.impact === 'critical';
        const examples = violation.targets.slice(0, 3).join(', ');
        tell(loaded, `axe ${violation.id}`, () =>
          site.report(loaded, {
            reason:
              `${violation.help} ` +
              `(${violation.impact ?? 'minor'}): ${violation.targets.length} ${violation.targets.length === 1 ? 'element' : 'elements'}, e.g. ${examples}`,
            rule: `axe-${violation.id}`,
            severity: serious ? 'error' : 'warning',
            hint: `See ${violation.helpUrl}; pages of the same kind in this language share the problem.`,
          }),
        );
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: TABS }, loadPages));
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  return () => {
    for (const page of site.pages) for (const report of findings.get(page) ?? []) report();
  };
}

/**
 * axe-core's findings on the page in the tab, or, for a page that sends the reader on (the
 * language chooser's meta refresh), on the page it lands on: an audit the navigation cut off
 * is tried again once the new page has loaded. (Waiting for the navigation instead waited
 * 30 s whenever it had already happened.)
 */
async function auditWhereItLands(tab: Page, axeSource: string): Promise<Violation[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      await tab.waitForFunction(() => document.readyState === 'complete', { timeout: LOAD_TIMEOUT });
      return await audit(tab, axeSource);
    } catch (cause) {
      if (attempt === 5) throw cause;
      await new Promise((done) => setTimeout(done, 200));
    }
  }
}

/** axe-core's findings on the page in the tab. */
async function audit(tab: Page, axeSource: string): Promise<Violation[]> {
  await tab.addScriptTag({ content: axeSource });
  return tab.evaluate(async () => {
    type Axe = {
      run: (
        context: Document,
        options: object,
      ) => Promise<{ violations: { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: unknown[] }[] }[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations.map((violation): Violation => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
}

/** One page of each kind in each language (the first by path): its template and language are what accessibility depends on. */
function axePages(site: CheckedSite, languages: readonly string[]): Set<string> {
  const chosen = new Map<string, string>();
  for (const page of site.pages) {
    const parts = page.split('/');
    const at = parts.findIndex((part) => languages.includes(part));
    const lang = at === -1 ? '' : parts[at]!;
    const rest = at === -1 ? parts.slice(-1) : parts.slice(at + 1);
    const folders = rest.slice(0, -1);
    const kind =
      site.sources.get(page)?.kind ??
      (at === -1
        ? rest.join('/')
        : folders.at(-1) === 'share'
          ? 'share'
          : folders.length >= 2
            ? `${folders.slice(0, -1).join('/')}/*`
            : folders.join('/') || 'home');
    const key = `${lang}\n${kind}`;
    if (!chosen.has(key)) chosen.set(key, page);
  }
  return new Set(chosen.values());
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
