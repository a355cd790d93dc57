import { corpus, frontMatter, languagesOf, placeOf as place } from './pages.js';
import type { CorpusSpec } from './pages.js';
import { write } from './write.js';

const CONFIG = `import footnote from 'markdown-it-footnote';

export default function (eleventyConfig) {
  eleventyConfig.amendLibrary('md', (md) => md.use(footnote));
  eleventyConfig.addGlobalData('layout', 'layout.njk');
  return { dir: { input: 'src', includes: '_includes' }, markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
}
`;

const LAYOUT = `<!doctype html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><title>{{ title }}</title><meta name="description" content="{{ summary }}"></head>
<body><main><h1>{{ title }}</h1>
{{ content | safe }}
</main></body>
</html>
`;

/**
 * The corpus as an Eleventy project in `root`: markdown-it with footnotes, one Nunjucks
 * layout, no template pre-pass over Markdown, one folder per language.
 */
export function writeEleventy(spec: CorpusSpec, root: string): void {
  write(root, 'eleventy.config.mjs', CONFIG);
  write(root, 'src/_includes/layout.njk', LAYOUT);
  for (const language of languagesOf(spec)) write(root, `src/${language}/${language}.json`, JSON.stringify({ lang: language }));
  for (const page of corpus(spec)) write(root, `src/${page.language}/${place(page)}`, frontMatter(page.meta) + page.body);
}
