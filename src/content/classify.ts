import { slug as slugify } from 'github-slugger';

/** What kind of page a Markdown file is, decided by where it sits under `briefings/`. */
export type Kind = 'briefing' | 'case-study' | 'page';

/** Where a source file goes: its kind and default slug (before any `slug:` in front matter). */
export interface Placement {
  readonly kind: Kind;
  /** Slug segments: one for briefings and case studies; folders plus name for plain pages. */
  readonly slug: readonly string[];
}

/**
 * `<slug>/index.md` is a briefing, `case-studies/<slug>.md` a case study, anything else a
 * plain page (`about.md` → `about/`). File and folder names become URL-safe slugs.
 */
export function classify(sourcePath: string): Placement {
  const parts = sourcePath.replace(/\.md$/, '').split('/');
  if (parts.length === 2 && parts[0] === 'case-studies' && parts[1] !== 'index') {
    return { kind: 'case-study', slug: [slugify(parts[1]!)] };
  }
  if (parts.length === 2 && parts[1] === 'index' && parts[0] !== 'case-studies') {
    return { kind: 'briefing', slug: [slugify(parts[0]!)] };
  }
  if (parts.at(-1) === 'index') parts.pop();
  return { kind: 'page', slug: parts.map((part) => slugify(part)) };
}

/** Where a page of this kind and slug is written, under `dist/<lang>/`. */
export function outputPathOf(kind: Kind, slug: readonly string[]): string {
  const prefix = kind === 'case-study' ? 'case-studies/' : '';
  return `${prefix}${slug.join('/')}/index.html`;
}
