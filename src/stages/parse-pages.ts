import { posix } from 'node:path';
import type { VFile } from 'vfile';
import { classify, outputPathOf } from '../content/classify.js';
import { readFrontMatter } from '../content/front-matter.js';
import { briefingSchema, caseStudySchema, knownKeys, pageSchema } from '../content/schemas.js';
import { error, warn } from '../messages.js';
import type { Page } from '../site.js';
import { tagPath } from '../templates/view-models.js';
import { closest } from '../text/closest.js';
import { validate } from '../yaml/validate.js';

const schemas = { briefing: briefingSchema, 'case-study': caseStudySchema, page: pageSchema } as const;

/**
 * Read each Markdown file's front matter, decide its kind, slug and output path, and check
 * its keys. A page whose front matter is invalid is still returned (with what could be read)
 * so its Markdown is checked too; the errors on its file stop the build from writing.
 */
export function parsePages(files: readonly VFile[]): Page[] {
  const pages = files.flatMap((file) => {
    const page = parsePage(file);
    return page ? [page] : [];
  });
  return checkSite(pages);
}

function parsePage(file: VFile): Page | undefined {
  // Its problem (a link out of the project, not UTF-8, too big) is already on it.
  if (file.data.unreadable) return undefined;
  const sourcePath = file.data.sourcePath!;
  const placement = classify(sourcePath);
  const { data, yaml, body, refused } = readFrontMatter(file);
  file.value = body;
  if (sourcePath === 'index.md') {
    warn(file, {
      reason: 'briefings/index.md is not used: the home page is made from your briefings and case studies',
      rule: 'home-page',
      place: { line: 1, column: 1 },
      hint: 'Put an introduction in "description:" in briefkit.config.yaml, or rename this file (e.g. about.md).',
    });
    return undefined;
  }
  if (typeof data.version === 'number' && yaml) data.version = yaml.sourceOf(['version']) ?? String(data.version);

  const schema = schemas[placement.kind];
  const known = knownKeys[placement.kind];
  const meta = yaml && yaml.data !== undefined ? validate(file, yaml, schema, { what: 'front matter' }) : undefined;
  if (!yaml && !refused) {
    error(file, {
      reason: 'This page has no front matter, so it has no title',
      rule: 'front-matter-missing',
      place: { line: 1, column: 1 },
      hint: 'Start the file with:\n  ---\n  title: The title of this page\n  ---',
    });
  }
  for (const key of Object.keys(data)) {
    const suggestion = known.includes(key) ? undefined : closest(key, known);
    if (suggestion && yaml) {
      warn(file, {
        reason: `Unknown front matter key "${key}"`,
        rule: 'unknown-key',
        place: yaml.placeOf([key], 'key'),
        hint: `Did you mean "${suggestion}"? (Other keys are allowed and reach the templates.)`,
      });
    }
  }
  // Used only when the front matter is invalid (already reported): keep later stages off wrong types.
  const fallback = { tags: [], authors: [], case_studies: [], ...data, title: String(data.title ?? posix.basename(sourcePath, '.md')), summary: typeof data.summary === 'string' ? data.summary : undefined };
  const slug = [...placement.slug];
  const chosen = (meta ?? fallback) as { slug?: unknown };
  if (typeof chosen.slug === 'string' && meta) slug[slug.length - 1] = chosen.slug;
  if (slug.some((part) => part === '')) {
    error(file, {
      reason: `Cannot make a web address from the file name "${posix.basename(sourcePath)}"`,
      rule: 'slug-invalid',
      place: { line: 1, column: 1 },
      hint: 'Rename the file using letters and digits, or set "slug:" in the front matter.',
    });
  }
  const base = { file, sourcePath, outputPath: outputPathOf(placement.kind, slug), yaml, slug: slug.join('/') };
  return { ...base, kind: placement.kind, meta: meta ?? fallback } as Page;
}

/** Checks across pages: duplicate slugs, and case studies a briefing lists but that do not exist. */
function checkSite(pages: Page[]): Page[] {
  const byOutput = new Map<string, Page>();
  for (const page of pages) {
    const other = byOutput.get(page.outputPath);
    if (other) {
      error(page.file, {
        reason: `This page and briefings/${other.sourcePath} would both be written to ${page.outputPath}`,
        rule: 'slug-duplicate',
        place: page.yaml?.placeOf(['slug']) ?? { line: 1, column: 1 },
        hint: 'Give one of them a different file name or "slug:".',
      });
      continue;
    }
    byOutput.set(page.outputPath, page);
  }
  const caseStudies = new Set(pages.filter((page) => page.kind === 'case-study').map((page) => page.slug));
  for (const page of pages) {
    if (page.kind !== 'briefing') continue;
    page.meta.case_studies.forEach((slug, index) => {
      if (caseStudies.has(slug)) return;
      const suggestion = closest(slug, [...caseStudies]);
      error(page.file, {
        reason: `Case study "${slug}" not found`,
        rule: 'case-study-missing',
        place: page.yaml?.placeOf(['case_studies', index]),
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : `Case studies are files in briefings/case-studies/; "${slug}" means briefings/case-studies/${slug}.md.`,
      });
    });
  }
  checkTagPages(pages);
  return [...byOutput.values()];
}

/**
 * Two spellings of a tag that make one index page ("Peer supply" and "peer-supply") would
 * clash when written: reported at the second spelling's `tags:` item, naming the first's.
 */
function checkTagPages(pages: readonly Page[]): void {
  const first = new Map<string, { readonly tag: string; readonly page: Page; readonly index: number }>();
  for (const page of pages) {
    // A page with invalid front matter keeps what it had; its tags may be anything.
    const tags: unknown = page.meta.tags;
    if (page.kind !== 'case-study' || !Array.isArray(tags)) continue;
    tags.forEach((tag: unknown, index) => {
      if (typeof tag !== 'string') return;
      const path = tagPath(tag);
      const seen = first.get(path);
      if (!seen) first.set(path, { tag, page, index });
      if (!seen || seen.tag === tag) return;
      const there = seen.page.yaml?.placeOf(['tags', seen.index]).start;
      error(page.file, {
        reason: `Tag "${tag}" and tag "${seen.tag}" (briefings/${seen.page.sourcePath}${there ? `:${there.line}:${there.column}` : ''}) would both make the index page ${posix.dirname(path)}/`,
        rule: 'tag-collision',
        place: page.yaml?.placeOf(['tags', index]),
        hint: `Spell the tag the same way in every case study, e.g. "${seen.tag}".`,
      });
    });
  }
}
