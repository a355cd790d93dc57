/**
 * Issue 28: `browser:` in briefkit.config.yaml names the browser to print with. It runs a
 * program, so it must be a full path outside the project (a project is often someone else's).
 */
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

describe('the browser: setting (issue 28)', () => {
  it('refuses a relative path, and a program inside the project, at the setting', async () => {
    for (const [setting, reason] of [
      ['tools/chrome', '"browser" must be the full path of a browser installed on this machine, not "tools/chrome"'],
      ['ROOT/tools/chrome.sh', '"browser" names a program inside the project; briefkit runs only a browser installed on this machine'],
    ] as const) {
      const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy(), 'tools/chrome.sh': '#!/bin/sh\ntouch /tmp/owned\n' });
      await import('node:fs/promises').then((fs) => fs.writeFile(`${root}/briefkit.config.yaml`, `title: T\nbrowser: ${setting.replace('ROOT', root)}\n`));
      const result = await buildProject(root);
      expect(result.written).toBe(false);
      expect(result.report).toContain(`briefkit.config.yaml:2:10  error  ${reason}  browser-setting`);
    }
  });

  it('says when the browser it names is not there, and still builds the website', async () => {
    const root = await makeProject({ 'briefkit.config.yaml': 'title: T\nbrowser: /opt/no-such/chrome\n', 'briefings/case-studies/a.md': caseStudy() });
    const previous = process.env.PUPPETEER_EXECUTABLE_PATH;
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    try {
      const result = await buildProject(root, { pdf: true });
      expect(result.written).toBe(true);
      expect(result.report).toContain('The browser briefkit.config.yaml names (/opt/no-such/chrome) does not exist: the website was built, the PDFs were not');
      expect(result.report).toContain('Correct the browser: setting in briefkit.config.yaml');
    } finally {
      if (previous !== undefined) process.env.PUPPETEER_EXECUTABLE_PATH = previous;
    }
  });
});
