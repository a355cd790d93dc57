import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../../src/content-types/index.js';
import type { ContentType } from '../../src/content-types/content-type.js';

// Issue 30, done-when: "adding a content type touches its folder, one registry line, its template
// and strings". So no file of src/ but the type's own folder names it in a string: not by its
// name (`'case-study'`), nor in a hand-written list of types for help and messages ("a briefing,
// case study or training module"). Other code asks the registry (content-types/index.ts).

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES_DIR = 'src/content-types';

/** Where each type's strings may be: its own folder, and the interface strings (each language's words for it). */
const OWN_STRINGS = ['src/i18n/strings.ts'];

/**
 * Names left outside their type's folder, each `file names type`. It may only shrink: the stages
 * are being rewritten (issue 30, item 2), so their messages are left as they are for now.
 */
const LEFT = [
  'src/stages/parse-pages.ts names case-study', // "the home page is made from your briefings and case studies"
];

/** Every string in a file's code (literals and the text of template literals), with its line; comments are not code. */
function stringsOf(file: string): { readonly text: string; readonly line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      // Module specifiers are paths, not names: `../case-study/card.js`.
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a string names the type: it is its name or an alias, lists it among others
 * (`<briefing|case-study>`), or says what authors call it ("training module", "case studies").
 * A type whose label is one word ("page") is named by an ordinary word of the code (a CSL
 * locator, `Pick<LocalizedPage, 'page'>`), so only a list of names counts for it.
 */
function namesType(text: string, type: ContentType): boolean {
  const names = [type.name, ...(type.aliases ?? [])];
  if (type.label.includes(' ') && names.includes(text)) return true;
  if (names.some((name) => new RegExp(`(^|[<|])${escape(name)}\\||\\|${escape(name)}([|>]|$)`).test(text))) return true;
  // Words with spaces between them: `case-studies/` is a path, not prose.
  return [type.label, type.plural].some((words) => words.includes(' ') && new RegExp(`\\b${words.split(' ').map(escape).join('\\s+')}\\b`, 'i').test(text));
}

/** The folder of src/content-types/ whose index.ts exports the type. */
async function folderOf(type: ContentType): Promise<string> {
  for (const entry of readdirSync(join(root, TYPES_DIR), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const module = (await import(join(root, TYPES_DIR, entry.name, 'index.ts'))) as Record<string, unknown>;
    if (Object.values(module).includes(type)) return `${TYPES_DIR}/${entry.name}/`;
  }
  throw new Error(`No folder of ${TYPES_DIR} exports the content type "${type.name}"`);
}

const sources = (readdirSync(join(root, 'src'), { recursive: true }) as string[])
  .map((path) => `src/${path.split('\\').join('/')}`)
  .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
  .sort();
const strings = new Map(sources.map((file) => [file, stringsOf(file)]));

describe('content type names', () => {
  it('finds the strings it checks, and each type named in its own folder', async () => {
    expect(sources.length).toBeGreaterThan(100);
    const seen = CONTENT_TYPES.filter((type) => type.label.includes(' '));
    expect(seen.length).toBeGreaterThan(2);
    for (const type of seen) {
      const own = await folderOf(type);
      const inOwn = sources.filter((file) => file.startsWith(own)).some((file) => strings.get(file)!.some((found) => namesType(found.text, type)));
      expect(inOwn, `${type.name} in ${own}`).toBe(true);
    }
  });

  it("are in src/ only in each type's own folder (and its interface strings), so a new type needs no other file", async () => {
    const outside: string[] = [];
    const left = new Set<string>();
    for (const type of CONTENT_TYPES) {
      const own = await folderOf(type);
      for (const file of sources.filter((path) => !path.startsWith(own) && !OWN_STRINGS.includes(path))) {
        for (const found of strings.get(file)!) {
          if (!namesType(found.text, type)) continue;
          if (LEFT.includes(`${file} names ${type.name}`)) left.add(`${file} names ${type.name}`);
          else outside.push(`${file}:${found.line} names ${type.name}: ${JSON.stringify(found.text.slice(0, 100))}`);
        }
      }
    }
    expect(outside).toEqual([]);
    // One fixed: delete its line.
    expect([...left].sort()).toEqual([...LEFT].sort());
  });
});

describe('namesType', () => {
  const type = { name: 'case-study', aliases: ['study'], label: 'case study', plural: 'Case studies' } as unknown as ContentType;
  it('sees a name, a list of names, and the label in prose, in the singular or the plural', () => {
    for (const text of [
      'case-study',
      'study',
      'new <briefing|case-study|page>',
      'case-study|page',
      'Only a briefing or case study',
      'briefings, case studies and briefs',
      'Case\nstudies',
    ]) {
      expect(namesType(text, type), text).toBe(true);
    }
  });
  it('does not see a path, a longer name, or a word that only contains it', () => {
    for (const text of ['case-studies/index.html', 'a case-study-like page', 'showcase studies', 'studying', '<case-studies|x>']) {
      expect(namesType(text, type), text).toBe(false);
    }
  });
});
