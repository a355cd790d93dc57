import Handlebars from 'handlebars';
import type { VFile } from 'vfile';
import { error, warn } from '../messages.js';
import { withFieldCheck } from './field-check.js';
import type { UnknownField } from './field-check.js';
import type { TemplateFiles } from './load.js';

/** Renders a page template (`pages/<name>.hbs`) with a context; undefined if it failed. */
export type RenderTemplate = (name: string, context: object) => string | undefined;

/**
 * Compile every template once: `partials/*.hbs` become partials (`{{> layout}}`), and
 * `pages/*.hbs` are the page templates. Syntax and runtime errors are reported on the
 * template file, with the line where Handlebars gives one; a field a template reads that its
 * context does not have (`{{page.titel}}`) is a warning there, and the page renders as before.
 */
export function createEngine(files: TemplateFiles, helpers: Record<string, Handlebars.HelperDelegate>): RenderTemplate {
  const handlebars = withFieldCheck(Handlebars, (field) => {
    const file = files.templates.get(field.template);
    if (file) reportUnknownField(file, field);
  });
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
    const name = path
      .replace(/\.hbs$/, '')
      .split('/')
      .slice(1)
      .join('/');
    // Templates are the project's own code, but content values are still escaped by `{{ }}`.
    const compile = () => handlebars.compile(source, { noEscape: false, checkFieldsOf: path } as CompileOptions);
    if (path.startsWith('partials/')) handlebars.registerPartial(name, compile());
    else if (path.startsWith('pages/') || path.startsWith('print/')) {
      pages.set(path.startsWith('print/') ? `print/${name}` : name, { file, render: compile() });
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

/** Handlebars' compile options, and the template whose fields are checked (see field-check.ts). */
type CompileOptions = CompileOptionsOf<typeof Handlebars.compile> & { readonly checkFieldsOf: string };
type CompileOptionsOf<F> = F extends (input: never, options?: infer O) => unknown ? O : never;

/** `{{page.titel}}`: a warning at the name, with the nearest field the context has. */
function reportUnknownField(file: VFile, field: UnknownField): void {
  const fields = field.known.length > 12 ? `${field.known.slice(0, 12).join(', ')}, …` : field.known.join(', ');
  warn(file, {
    reason: `"${field.name}" is not a field here`,
    rule: 'template-unknown-field',
    place: { line: field.line, column: field.column },
    hint: field.suggestion ? `Did you mean "${field.suggestion}"?` : fields ? `The fields here are: ${fields}.` : 'Nothing here has fields.',
  });
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
