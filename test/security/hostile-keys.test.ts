/**
 * Issue 8, class 6: prototype names as keys in any YAML file, and ICU tags or broken ICU in
 * ui.yaml, give positioned messages, never crash or pollute prototypes, and every other file
 * is still checked in the same run.
 */
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

describe('__proto__ and other inherited names as YAML keys', () => {
  it('are positioned errors in every kind of YAML file, and pollute nothing', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\nlanguages: [en, uk]\n__proto__:\n  polluted: yes\nvariables:\n  constructor: "x"\n',
      'countries/ua.yaml': 'name: Ukraine\n__proto__: {paper: Letter}\nvariables:\n  emergency_number: "103"\n',
      'translations/uk/ui.yaml': 'home: Головна\n__proto__: x\nconstructor: y\ntag_names:\n  __proto__: {toString: 1}\n  constructor: c\n',
      'briefings/references.yaml': '- id: a\n  title: A\n  __proto__:\n    URL: "javascript:alert(1)"\n',
      'briefings/case-studies/a.md': '---\ntitle: A\ncountry: GB\n__proto__:\n  organisation: Evil\n---\n\nSee [@a].\n',
      'briefings/case-studies/b.md': caseStudy({ date: '2023-02-30' }),
    });
    const result = await buildProject(root);
    const { report } = result;
    expect(report).toContain('briefkit.config.yaml:3:1  error  "__proto__" cannot be used as a key  invalid-key');
    expect(report).toContain('countries/ua.yaml:2:1  error  "__proto__" cannot be used as a key  invalid-key');
    expect(report).toContain('translations/uk/ui.yaml:2:1  error  "__proto__" cannot be used as a key  invalid-key');
    expect(report).toContain('translations/uk/ui.yaml:3:1  warning  Unknown interface string "constructor"  ui-unknown-key');
    expect(report).toContain('translations/uk/ui.yaml:5:3  error  "__proto__" cannot be used as a key  invalid-key');
    expect(report).toContain('briefings/references.yaml:3:3  error  "__proto__" cannot be used as a key  invalid-key');
    expect(report).toContain('briefings/case-studies/a.md:4:1  error  "__proto__" cannot be used as a key  invalid-key');
    // The other files are still checked in the same run.
    expect(report).toContain('briefings/case-studies/b.md:4:7  error  "date": 2023-02-30 is not a real date');
    expect(report).not.toContain('citation-unknown');
    expect(result.written).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  });
});

describe('ICU in ui.yaml', () => {
  it('treats a tag as text, with a warning at the tag, and never crashes', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\nlanguages: [en, uk]\n',
      'translations/uk/ui.yaml': 'notTranslatedText: "<b>Ще не перекладено</b> на {language}: <img src=x onerror=alert(1)>"\n',
      'briefings/case-studies/a.md': caseStudy(),
    });
    const result = await buildProject(root);
    expect(result.report).toContain(
      'translations/uk/ui.yaml:1:21  warning  "notTranslatedText" contains markup (<b>): interface strings are plain text, so it shows as typed  ui-markup',
    );
    expect(result.written).toBe(true);
    const html = await readText(root, 'dist/uk/case-studies/a/index.html');
    expect(html).toContain('&lt;b&gt;Ще не перекладено&lt;/b&gt; на українська');
    expect(html).not.toContain('<img src=x');
  });

  it('reports broken syntax at the message, in words, and checks the other files', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\nlanguages: [en, uk]\n',
      'translations/uk/ui.yaml': 'home: "Дім {"\nbriefings: Брифінги\ncaseStudyCount: "{count, plural, one {# кейс}}"\n',
      'briefings/case-studies/a.md': caseStudy({ date: '2023-02-30' }),
    });
    const { report } = await buildProject(root);
    expect(report).toContain('translations/uk/ui.yaml:1:7  error  "home" is not a valid message: a "{" is not closed with "}"  ui-message');
    expect(report).toContain(
      'translations/uk/ui.yaml:3:17  error  "caseStudyCount" is not a valid message: a plural or select needs an "other {…}" case  ui-message',
    );
    expect(report).toContain('briefings/case-studies/a.md:4:7  error  "date": 2023-02-30 is not a real date');
  });
});
