import { corpus, frontMatter, languagesOf, placeOf as place } from './pages.js';
import type { CorpusSpec } from './pages.js';
import { write } from './write.js';

/** The corpus as a briefkit project in `root`: the first language is the original. */
export function writeBriefkit(spec: CorpusSpec, root: string): void {
  const languages = languagesOf(spec);
  write(root, 'briefkit.config.yaml', `title: Benchmark corpus\nbase_url: https://example.org/bench/\nlanguages: [${languages.join(', ')}]\n`);
  for (const page of corpus(spec)) {
    if (page.language === languages[0]) {
      write(root, `briefings/${place(page)}`, frontMatter(page.meta) + page.body);
    } else {
      // A translation carries its own title and summary; the rest comes from the original.
      write(root, `translations/${page.language}/${place(page)}`, frontMatter({ title: page.meta.title, summary: page.meta.summary }) + page.body);
    }
  }
}
