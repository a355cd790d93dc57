/**
 * Issue 8, class 10: messages name the right file. A tag-slug collision names the case
 * studies and their `tags:` lines; `pdf --lang xx` is bad usage; an error in the config hides
 * no error elsewhere; "did you mean" stays fast with thousands of broken links.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/text/closest.js';
import { cpuSeconds } from '../helpers/cpu-time.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';
import { briefkitHere as cli } from '../helpers/cli.js';

const briefkit = (args: string[], cwd: string) => cli(args, { cwd });

describe('a tag-slug collision', () => {
  it("is an error at the second spelling's tags: item, naming the first case study and its line", async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({ tags: '[naloxone, Peer supply]' }),
      'briefings/case-studies/b.md': caseStudy({ tags: '\n  - peer-supply' }),
      'briefings/case-studies/c.md': caseStudy({ tags: '[Peer supply]' }),
    });
    const { report, written } = await buildProject(root);
    expect(report).toContain(
      'briefings/case-studies/b.md:5:5  error  Tag "peer-supply" and tag "Peer supply" (briefings/case-studies/a.md:4:18) would ' +
        'both make the index page case-studies/tag/peer-supply/  tag-collision',
    );
    expect(report).toContain('Spell the tag the same way in every case study, e.g. "Peer supply".');
    // The same spelling in another case study is no collision.
    expect(report).not.toContain('case-studies/c.md');
    expect(report).not.toContain('output-conflict');
    expect(written).toBe(false);
  });
});

describe('briefkit pdf --lang', () => {
  it("exits 2 with the project's languages when the language is not one of them", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\nlanguages: [en, uk]\n',
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, ru]\n',
      'briefings/case-studies/a.md': caseStudy(),
    });
    const unknown = await briefkit(['pdf', '--lang', 'xx'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('briefkit pdf: "xx" is not a language of this project; its languages are: en, uk');
    expect(unknown.stderr).toContain('Usage:\n  briefkit pdf [--lang L]');
    const ofEdition = await briefkit(['pdf', '--lang', 'en', '--country', 'ua'], root);
    expect(ofEdition.code).toBe(2);
    expect(ofEdition.stderr).toContain('its languages are: uk, ru');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});

describe('an error in the config', () => {
  const files = {
    'translations/uk/ui.yaml': 'home: "Дім {"\n',
    'countries/ua.yaml': 'name: Ukraine\nvariables:\n  emergency_number: ""\n',
    'briefings/case-studies/a.md': caseStudy({ date: '2023-02-30' }, 'Call {{emergency_number}}.\n'),
  };

  it('keeps the valid settings, so every other file is checked and reported in the same run', async () => {
    const root = await makeProject({
      ...files,
      'briefkit.config.yaml': 'title: T\nlanguages: [en, uk, "Ukrainian"]\npaper: A5\nvariables:\n  emergency_number: "112"\n',
    });
    const { report } = await buildProject(root, { allCountries: true });
    expect(report).toContain('briefkit.config.yaml:2:21  error  "languages (item 3)": is not a language code');
    expect(report).toContain('briefkit.config.yaml:3:8  error  "paper": is A4 or Letter');
    expect(report).toContain('translations/uk/ui.yaml:1:7  error  "home" is not a valid message');
    expect(report).toContain('countries/ua.yaml:3:21  error  "variables › emergency_number": is empty');
    expect(report).toContain('briefings/case-studies/a.md:4:7  error  "date": 2023-02-30 is not a real date');
    expect(report).not.toContain('Unknown variable');
  });

  it('is no reason to stop checking even when it is a YAML syntax error', async () => {
    const root = await makeProject({
      ...files,
      'briefkit.config.yaml': 'title: T\nlanguages: [en, uk]\nvariables:\n  emergency_number: "112"\ndescription: Naloxone: the basics\n',
    });
    const { report } = await buildProject(root, { allCountries: true });
    expect(report).toContain('briefkit.config.yaml:5:14  error  YAML syntax');
    expect(report).toContain('translations/uk/ui.yaml:1:7  error  "home" is not a valid message');
    expect(report).toContain('countries/ua.yaml:3:21  error  "variables › emergency_number": is empty');
    expect(report).toContain('briefings/case-studies/a.md:4:7  error  "date": 2023-02-30 is not a real date');
    expect(report).not.toContain('Unknown variable');
  });
});

describe('"did you mean" with thousands of broken links', () => {
  it('stays fast (3,000 broken links against 3,000 files) and still suggests the right file', async () => {
    const count = 3000;
    const name = (index: number) => `files/report-${String(index).padStart(4, '0')}.pdf`;
    const project: Record<string, string> = {};
    for (let index = 0; index < count; index++) project[`briefings/${name(index)}`] = '%PDF-1.4\n';
    const links = Array.from({ length: count }, (_, index) => `- [r${index}](../${name(index).replace('.pdf', '.pfd')})`).join('\n');
    project['briefings/case-studies/a.md'] = caseStudy({}, `${links}\n`);
    const root = await makeProject(project);
    const started = process.cpuUsage();
    const { report } = await buildProject(root);
    const seconds = cpuSeconds(started);
    expect(report.match(/link-missing/g)).toHaveLength(count);
    expect(report).toContain(
      'Link target "../files/report-0042.pfd" not found (looked for briefings/files/report-0042.pfd)  link-missing\n      → Did ' +
        'you mean "../files/report-0042.pdf"?',
    );
    expect(report).toContain('→ Did you mean "../files/report-2999.pdf"?');
    expect(seconds).toBeLessThan(90);
  });

  it('costs little per miss once a collection is indexed (before: a full edit-distance table per candidate)', () => {
    const files = new Set(Array.from({ length: 3000 }, (_, index) => `files/report-${String(index).padStart(4, '0')}.pdf`));
    const started = process.cpuUsage();
    for (let index = 0; index < 3000; index++) {
      expect(closest(`Files/report-${String(index).padStart(4, '0')}.pfd`, files)).toBe(`files/report-${String(index).padStart(4, '0')}.pdf`);
    }
    // About 0.3 s on an idle two-core machine; the old scan took minutes.
    expect(cpuSeconds(started)).toBeLessThan(15);
  });

  it('suggests exactly what a plain scan would: the first candidate within two edits, or one the word starts', () => {
    let seed = 8;
    const random = (below: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % below;
    const text = (length: number) => Array.from({ length }, () => 'abc/-'[random(5)]).join('');
    for (let round = 0; round < 400; round++) {
      const candidates = Array.from({ length: round % 2 === 0 ? 200 : 10 }, () => text(6 + random(10)));
      const word = random(3) === 0 ? candidates[random(candidates.length)]!.slice(0, 9) + text(random(3)) : text(3 + random(12));
      expect(closest(word, candidates), `${word} in ${candidates.join(' ')}`).toBe(plainScan(word, candidates));
    }
  });
});

/** The suggestion rule written as plainly as possible, to check the fast one against. */
function plainScan(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length >= 3) {
    const extended = candidates.find((candidate) => candidate.toLowerCase().startsWith(lower));
    if (extended) return extended;
  }
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const table = Array.from({ length: lower.length + 1 }, (_, i) => Array.from({ length: other.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= lower.length; i++) {
      for (let j = 1; j <= other.length; j++) {
        table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (lower[i - 1] === other[j - 1] ? 0 : 1));
      }
    }
    const distance = table[lower.length]![other.length]!;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
