/** `npm run docs:reference`: writes the generated reference pages into docs/ (see reference-pages.ts). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { referencePages } from './reference-pages.js';

const root = join(import.meta.dirname, '..');
for (const [path, text] of Object.entries(await referencePages())) {
  await writeFile(join(root, path), text);
  process.stdout.write(`wrote ${path}\n`);
}
