import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeBriefkit } from './briefkit-project.js';
import { writeEleventy } from './eleventy-project.js';
import { writeHugo } from './hugo-project.js';
import type { CorpusSpec } from './pages.js';

/** The three projects of one corpus, written afresh under `root`; returns their folders. */
export function generate(spec: CorpusSpec, root: string): { briefkit: string; eleventy: string; hugo: string } {
  rmSync(root, { recursive: true, force: true });
  const projects = { briefkit: join(root, 'briefkit'), eleventy: join(root, 'eleventy'), hugo: join(root, 'hugo') };
  writeBriefkit(spec, projects.briefkit);
  writeEleventy(spec, projects.eleventy);
  writeHugo(spec, projects.hugo);
  return projects;
}
