import type { VFile } from 'vfile';
import type { Run } from '../run/types.js';
import { warn } from '../messages.js';
import { NoBrowserError } from '../pdf/browser.js';
import { loadInBrowser } from './browser-checks.js';
import { CheckedSite } from './checked-site.js';
import type { PageSource } from './checked-site.js';
import { checkHtmlValidity } from './html-validity.js';
import { checkInternalLinks } from './internal-links.js';
import { checkPdfs } from './pdf-checks.js';

/**
 * What a build only warns about and `check` treats as errors: the site works, but some
 * readers are let down (a broken heading link, an image that tells another site who reads
 * the page, a skipped heading level). A table without a caption stays a warning (issue 29):
 * with its header row it is accessible (no WCAG failure), and real case studies have many.
 */
export const CHECKED_RULES: ReadonlySet<string> = new Set(['anchor-missing', 'remote-image', 'heading-order']);

export interface CheckOptions {
  readonly root: string;
  readonly outDir: string;
  /** The languages of the site's editions. */
  readonly languages: readonly string[];
  /** The run that built the site, when `check` built it: problems go on the files pages came from. */
  readonly run?: Run | undefined;
  /** Load the pages in a browser (third-party requests, axe-core): false, or the config's browser: setting. */
  readonly browser: false | { readonly configured?: string | undefined };
  /** Top-level entries of the output folder not to check (country editions an earlier build left there). */
  readonly skip?: readonly string[] | undefined;
  /** Where problems that belong to no file go. */
  readonly runFile: VFile;
}

/** What the check looked at, and the files that got problems. */
export interface CheckResult {
  readonly pages: number;
  readonly pdfs: number;
  readonly files: readonly VFile[];
}

/** Check a built site: links and anchors, HTML, PDFs, and (with a browser) requests and accessibility. */
export async function checkSite(options: CheckOptions): Promise<CheckResult> {
  const site = await CheckedSite.read(options.root, options.outDir, options.run ? pageSources(options.run) : new Map(), options.skip);
  // Chromium loads the pages while the checks of the files run here; what the pages showed is
  // told after those checks' problems, as when one waited for the other.
  const loading = options.browser ? loadInBrowser(site, options.languages, options.browser.configured) : undefined;
  const [checked, loaded] = await Promise.allSettled([
    (async () => {
      await checkInternalLinks(site);
      await checkHtmlValidity(site);
      await checkPdfs(site, options.languages);
    })(),
    loading,
  ]);
  if (checked.status === 'rejected') throw checked.reason;
  if (loaded.status === 'fulfilled') loaded.value?.();
  else if (loaded.reason instanceof NoBrowserError) {
    warn(options.runFile, {
      reason: 'Pages were not loaded in a browser: no browser was found, so third-party requests and accessibility (axe-core) were not checked',
      rule: 'check-no-browser',
      hint: loaded.reason.hint,
    });
  } else throw loaded.reason;
  const sources = [...site.sources.values()].map((source) => source.file);
  return {
    pages: site.pages.length,
    pdfs: [...site.files].filter((file) => file.endsWith('.pdf')).length,
    files: [...new Set([...site.reported, ...sources])],
  };
}

/** The source of each page the run made, by its path in the output folder. */
function pageSources(run: Run): Map<string, PageSource> {
  const sources = new Map<string, PageSource>();
  for (const [edition, pages] of run.made.pages) {
    for (const local of pages) {
      sources.set(`${edition.prefix}${local.lang}/${local.page.outputPath}`, {
        file: local.translation?.file ?? local.page.file,
        kind: local.page.kind,
        contentLang: local.contentLang,
      });
    }
  }
  return sources;
}
