import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** How many .html files are under `folder` (0 if it does not exist). */
export function countHtml(folder: string): number {
  let count = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) count += countHtml(join(folder, entry.name));
    else if (entry.name.endsWith('.html')) count += 1;
  }
  return count;
}
