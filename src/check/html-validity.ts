import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { CheckedSite } from './checked-site.js';

/**
 * Every page checked against the HTML standard and html-validate's accessibility rules (its
 * "standard" and "a11y" presets, not its style rules): what a browser would repair silently
 * and a screen reader might not, such as a duplicate id, an element where it may not be, or
 * a form field without a label. Told on the built file, at the line and column.
 */
export async function checkHtmlValidity(site: CheckedSite): Promise<void> {
  const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
  for (const page of site.pages) {
    const report = await validator.validateString(await readFile(join(site.outDir, page), 'utf8'), page);
    for (const result of report.results) {
      for (const message of result.messages) {
        site.report(
          page,
          {
            reason: message.message,
            rule: `html-${message.ruleId}`,
            severity: message.severity === 2 ? 'error' : 'warning',
            ...(message.ruleUrl ? { hint: `See ${message.ruleUrl}` } : {}),
          },
          { start: { line: message.line, column: message.column } },
        );
      }
    }
  }
}
