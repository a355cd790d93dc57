import { posix } from 'node:path';
import type { VFile } from 'vfile';
import { readFrontMatter } from '../content/front-matter.js';
import { MAX_SLUG } from '../content-types/common-schema.js';
import { placeSource } from '../content-types/index.js';
import type { ContentType } from '../content-types/content-type.js';
import { error, warn } from '../messages.js';
import type { Page } from '../model/page.js';
import { closest } from '../text/closest.js';
import { validate } from '../yaml/validate.js';
import type { YamlMemo } from '../yaml/yaml-memo.js';

/**
 * Read each Markdown file's front matter, decide its kind, slug and output path, and check
 * its keys. A page whose front matter is invalid is still returned (with what could be read)
 * so its Markdown is checked too; the errors on its file stop the build from writing.
 */
export function parsePages(files: readonly VFile[], memo?: YamlMemo): Page[] {
  const pages = files.flatMap((file) => {
    const page = parsePage(file, memo);
    return page ? [page] : [];
  });
  return checkSite(pages);
}

function parsePage(file: VFile, memo: YamlMemo | undefined): Page | undefined {
  // Its problem (a link out of the project, not UTF-8, too big) is already on it.
  if (file.data.unreadable) return undefined;
  const sourcePath = file.data.sourcePath!;
  const placement = placeSource(sourcePath);
  const { data, yaml, body, refused } = readFrontMatter(file, memo);
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

  const { type } = placement;
  const known = Object.keys(type.schema.shape);
  const meta = yaml && yaml.data !== undefined ? validate(file, yaml, type.schema, { what: 'front matter' }) : undefined;
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
  const fallback = {
    ...defaults(type),
    ...data,
    title: String(data.title ?? posix.basename(sourcePath, '.md')),
    summary: typeof data.summary === 'string' ? data.summary : undefined,
  };
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
  const tooLong = placement.slug.find((part, index) => part.length > MAX_SLUG && slug[index] === part);
  if (tooLong !== undefined) {
    error(file, {
      reason: `The web address made from the file name is ${tooLong.length} characters long; briefkit allows ${MAX_SLUG}`,
      rule: 'slug-too-long',
      place: { line: 1, column: 1 },
      hint:
        'Give the file (or its folder) a shorter name' +
        `${placement.slug.at(-1) === tooLong ? ', or set a shorter "slug:" in the front matter (e.g. slug: glasgow-peer-supply)' : ''}.`,
    });
  }
  return { kind: type.name, file, sourcePath, outputPath: type.outputPath(slug), yaml, slug: slug.join('/'), meta: (meta ?? fallback) as Page['meta'] };
}

/** Pages that would be written to one place: the second is reported and left out. */
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
  return [...byOutput.values()];
}

/** The values a type's schema gives keys left out (`tags: []`), for a page whose front matter is invalid. */
function defaults(type: ContentType): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(type.schema.shape)) {
    const parsed = (schema as import('zod').ZodType).safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) values[key] = parsed.data;
  }
  return values;
}
