import { lstat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { loadFonts } from './assets/fonts.js';
import { loadConfig } from './config/load.js';
import { checkOutputDir } from './fs/check-output-dir.js';
import { writeAtomic } from './fs/write-atomic.js';
import { englishStrings } from './i18n/strings.js';
import { error, escalateWarnings, hasErrors } from './messages.js';
import { loadReferences } from './references/library.js';
import { resolveInside } from './paths/urls.js';
import { checkAnchors } from './stages/check-anchors.js';
import { parsePages } from './stages/parse-pages.js';
import { CONTENT_DIR, readSources } from './stages/read-sources.js';
import { renderMarkdown } from './stages/render-markdown.js';
import { renderTemplates } from './stages/render-templates.js';
import { createEngine } from './templates/engine.js';
import { templateHelpers } from './templates/helpers.js';
import { loadTemplates } from './templates/load.js';
import type { OutputFile } from './site.js';

/** What `briefkit build` is asked to do. */
export interface BuildOptions {
  /** The project folder (holds `briefings/` and maybe `briefkit.config.yaml`). */
  readonly root: string;
  /** Where the site goes; default `<root>/dist`. */
  readonly out?: string | undefined;
  /** Treat warnings as errors. */
  readonly strict?: boolean | undefined;
}

/** What a build did: every file it read (with their messages), and whether it wrote the site. */
export interface BuildResult {
  readonly files: readonly VFile[];
  readonly outDir: string;
  readonly written: boolean;
  readonly output: readonly OutputFile[];
}

/**
 * Build the site: read everything, check everything, and only if nothing is wrong replace
 * the output folder in one step. Reading and writing happen here, at the edges; the stages
 * in between are pure functions over what was read.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const outDir = resolve(root, options.out ?? 'dist');
  const site = new VFile({ path: outDir, cwd: root });

  const [{ config, file: configFile, yaml: configYaml }, sources, references, templates, fonts] = await Promise.all([
    loadConfig(root),
    readSources(root),
    loadReferences(root),
    loadTemplates(root),
    loadFonts(),
  ]);
  const logo = await checkLogo(root, config.organisation?.logo, configFile, configYaml);

  const pages = parsePages(sources.markdown);
  const lang = config.languages[0]!;
  const strings = englishStrings;
  const results = await renderMarkdown({
    pages,
    lang,
    labels: strings,
    references: references,
    sourceFiles: sources.files,
  });
  checkAnchors(results);

  // Templates are compiled (and their syntax checked) always, but only filled in when the
  // content is sound: a page with broken front matter has nothing reliable to show.
  const render = createEngine(templates, templateHelpers);
  const contentFiles = [configFile, ...(references.file ? [references.file] : []), ...sources.markdown];
  const output = hasErrors(contentFiles)
    ? []
    : renderTemplates({
        config,
        lang,
        strings,
        results,
        references,
        render,
        fonts,
        assets: templates.assets,
        logo,
        contentDir: join(root, CONTENT_DIR),
        siteFile: configFile,
      });

  if (sources.markdown.length === 0) {
    error(site, {
      reason: `No Markdown files in ${join(root, CONTENT_DIR)}`,
      rule: 'no-content',
      hint: 'Run briefkit in your project folder (or pass --root), where briefings/ holds your .md files.',
    });
  }
  const refusal = await checkOutputDir(root, outDir);
  if (refusal) error(site, { reason: refusal, rule: 'output-folder', hint: 'Choose another folder with --out.' });

  const files = [...contentFiles, ...templates.templates.values(), site];
  if (options.strict) escalateWarnings(files);
  if (hasErrors(files)) return { files, outDir, written: false, output };
  await writeAtomic(outDir, output);
  return { files, outDir, written: true, output };
}

/** The logo named in the config, if it is a file inside the project; reported otherwise. */
async function checkLogo(
  root: string,
  logo: string | undefined,
  file: VFile,
  yaml: import('./yaml/parse.js').YamlSource | undefined,
): Promise<string | undefined> {
  if (!logo) return undefined;
  const place = yaml?.placeOf(['organisation', 'logo']);
  const inside = resolveInside('x', logo);
  if (inside === undefined || /^[a-z]+:/i.test(logo)) {
    error(file, { reason: `The logo "${logo}" is outside the project`, rule: 'path-outside', place, hint: 'Put the logo file in the project folder and give its path relative to briefkit.config.yaml.' });
    return undefined;
  }
  const absolute = join(root, inside);
  const stat = await lstat(absolute).catch(() => undefined);
  if (!stat?.isFile()) {
    error(file, { reason: `The logo "${logo}" was not found`, rule: 'logo-missing', place, hint: 'Give the path of an image file relative to briefkit.config.yaml, e.g. assets/logo.svg.' });
    return undefined;
  }
  return absolute;
}
