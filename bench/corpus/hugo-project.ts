import { corpus, frontMatter, languagesOf, placeOf as place } from './pages.js';
import type { CorpusSpec } from './pages.js';
import { write } from './write.js';

const LAYOUT = `<!doctype html>
<html lang="{{ .Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }}</title><meta name="description" content="{{ .Params.summary }}"></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body>
</html>
`;

/** The corpus as a Hugo project in `root`: one layout for single pages, one content folder per language. */
export function writeHugo(spec: CorpusSpec, root: string): void {
  const languages = languagesOf(spec);
  const config = [
    `baseURL = "https://example.org/bench/"`,
    `title = "Benchmark corpus"`,
    `defaultContentLanguage = "${languages[0]}"`,
    `defaultContentLanguageInSubdir = true`,
    `disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]`,
    ...languages.flatMap((language, at) => [`[languages.${language}]`, `contentDir = "content/${language}"`, `weight = ${at + 1}`]),
  ];
  write(root, 'hugo.toml', `${config.join('\n')}\n`);
  write(root, 'layouts/_default/single.html', LAYOUT);
  for (const page of corpus(spec)) write(root, `content/${page.language}/${place(page)}`, frontMatter(page.meta) + page.body);
}
