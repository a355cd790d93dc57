/**
 * Issue 14, part 6: a glossary per language. Where a section's original uses a term and its
 * translation has none of the glossary's translations of it, the build, `check` and
 * `i18n status` warn on the translation, at the section.
 */
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

describe('a glossary', () => {
  it('warns where a translated section leaves out the required term, and accepts an inflected form', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '## Context\n\nPeers carry naloxone.\n\n## Results\n\nNaloxone kits were handed out.\n\n## Lessons\n\nTrain peers.\n',
      ),
      'translations/uk/case-studies/a.md':
        '---\ntitle: Кейс А\n---\n\n## Контекст {#context}\n\nРівні носять налоксон.\n\n## Результати ' +
        '{#results}\n\nВидали набори протиотрути.\n\n## Уроки {#lessons}\n\nНавчайте рівних.\n',
      'translations/uk/glossary.yaml': 'naloxone: налоксон\npeer: [рівн]\n',
    });
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(true);
    // "налоксон" in Context; "Рівні"/"рівних" start with "рівн"; Results says "протиотрути" instead.
    expect(report).toContain(
      'translations/uk/case-studies/a.md:9:1  warning  The original of this section says "naloxone", and this translation has no ' +
        '"налоксон", as translations/uk/glossary.yaml asks  glossary-term',
    );
    expect(report.match(/glossary-term/g)).toHaveLength(1);

    const status = await briefkitHere(['i18n', 'status', '--lang', 'uk'], { cwd: root });
    expect(status.stderr).toContain('translations/uk/case-studies/a.md:9:1  warning  The original of this section says "naloxone"');
  });

  it('reports a term without a translation at its line', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
      'translations/uk/glossary.yaml': 'naloxone: налоксон\npeer:\n',
    });
    const { report, ok } = await buildProject(root);
    expect(ok).toBe(false);
    expect(report).toContain('translations/uk/glossary.yaml:2:6  error  "peer" should have a translation, or a list of them  wrong-type');
  });
});
