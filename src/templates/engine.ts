import Handlebars from 'handlebars';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import type { TemplateFiles } from './load.js';

/** Renders a page template (`pages/<name>.hbs`) with a context; undefined if it failed. */
export type RenderTemplate = (name: string, context: object) => string | undefined;

/**
 * Compile every template once: `partials/*.hbs` become partials (`{{> layout}}`), and
 * `pages/*.hbs` are the page templates. Syntax and runtime errors are reported on the
 * template file, with the line where Handlebars gives one.
 */
export function createEngine(files: TemplateFiles, helpers: Record<string, Handlebars.HelperDelegate>): RenderTemplate {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(helpers);
  const pages = new Map<string, { file: VFile; render: Handlebars.TemplateDelegate }>();
  for (const [path, file] of files.templates) {
    const source = String(file.value);
    try {
      handlebars.parse(source);
    } catch (reason) {
      reportTemplateError(file, reason);
      continue;
    }
    const name = path.replace(/\.hbs$/, '').split('/').slice(1).join('/');
    if (path.startsWith('partials/')) handlebars.registerPartial(name, source);
    else if (path.startsWith('pages/') || path.startsWith('print/')) {
      // Templates are the project's own code, but content values are still escaped by `{{ }}`.
      pages.set(path.startsWith('print/') ? `print/${name}` : name, { file, render: handlebars.compile(source, { noEscape: false }) });
    }
  }
  const failed = new Set<string>();
  return (name, context) => {
    const template = pages.get(name);
    if (!template) return undefined;
    try {
      return template.render(context);
    } catch (reason) {
      if (!failed.has(name)) reportTemplateError(template.file, reason);
      failed.add(name);
      return undefined;
    }
  };
}

function reportTemplateError(file: VFile, reason: unknown): void {
  const message = reason instanceof Error ? reason.message : String(reason);
  const line = /on line (\d+)/.exec(message)?.[1];
  error(file, {
    reason: `Template error: ${message.split('\n')[0]}`,
    rule: 'template',
    place: line ? { line: Number(line), column: 1 } : undefined,
    hint: message.includes('partial') ? 'Check the partial name: partials are files in templates/partials/.' : undefined,
  });
}
