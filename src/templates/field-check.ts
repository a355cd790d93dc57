import type Handlebars from 'handlebars';
import { closest } from '../text/closest.js';

/**
 * Catching `{{page.titel}}` and `{{#each caseStudys}}` in a template.
 *
 * Handlebars' own `strict` mode is not enough: it checks only the last name of a plain
 * `{{a.b}}`, not the arguments of `{{#if}}` or `{{#each}}`, and it throws on a missing
 * object in the middle of a path (`{{#if site.organisation.name}}` with no organisation).
 * So the compiler is taught one thing instead: every name it looks up on a context (or on
 * `@root`) also calls `check` with the object, the name and where the name is in the
 * template. The value is still the one Handlebars finds, so rendering is unchanged; a name
 * the object does not have is a field the template expects and its context never gives.
 * Every key a context may have is always present (undefined when it does not apply: see
 * src/templates/contexts/), so a missing one is a typo, not an empty value.
 */

/** A field a template reads that its context does not have. */
export interface UnknownField {
  /** The template, by its path under `templates/` (`pages/briefing.hbs`). */
  readonly template: string;
  readonly name: string;
  /** 1-based, where the name is in the template. */
  readonly line: number;
  readonly column: number;
  /** The closest field the object has, if one is near. */
  readonly suggestion: string | undefined;
  /** The fields the object has. */
  readonly known: readonly string[];
}

/** The helper name the generated code calls; not a name a template can write. */
const CHECK = 'briefkit:field';

/** Objects whose keys are the author's own (front matter under `page.data`): any name may be missing. */
const openObjects = new WeakSet<object>();

/**
 * Mark an object whose keys vary from page to page (front matter), and every object in it,
 * so reading a missing one is no typo.
 */
export function openFields<T extends object>(value: T): T {
  if (openObjects.has(value)) return value;
  openObjects.add(value);
  for (const item of Object.values(value)) if (item && typeof item === 'object') openFields(item as object);
  return value;
}

interface Location {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

/** The part of Handlebars' JavaScript compiler this module extends (it has no type declarations). */
interface CompilerInternals {
  nameLookup(parent: unknown, name: string, type: string): unknown;
  resolvePath(type: string, parts: readonly string[], start: number, falsy?: boolean, strict?: boolean): void;
  source: { currentLocation?: Location };
  options: { checkFieldsOf?: string };
}
type CompilerClass = new () => CompilerInternals;

/**
 * An instance of Handlebars whose compiled templates check every field they read. Compile
 * with `{ checkFieldsOf: '<path under templates/>' }` so problems name their template;
 * `report` gets each unknown field every time it is read (callers keep one of each).
 */
export function withFieldCheck(handlebars: typeof Handlebars, report: (field: UnknownField) => void): typeof Handlebars {
  const Base = (handlebars as unknown as { JavaScriptCompiler: CompilerClass }).JavaScriptCompiler;
  class CheckingCompiler extends Base {
    /** The path being resolved, and which of its names comes next. */
    private path: { readonly type: string; readonly parts: readonly string[]; index: number } | undefined;

    override resolvePath(type: string, parts: readonly string[], start: number, falsy?: boolean, strict?: boolean): void {
      this.path = { type, parts, index: start };
      try {
        super.resolvePath(type, parts, start, falsy, strict);
      } finally {
        this.path = undefined;
      }
    }

    override nameLookup(parent: unknown, name: string, type: string): unknown {
      const lookup = super.nameLookup(parent, name, type);
      const path = this.path;
      const template = this.options.checkFieldsOf;
      if (!path || path.type !== type || path.parts[path.index] !== name || template === undefined) return lookup;
      const index = path.index++;
      // `@index`, `@last`, `@partial-block` are Handlebars' own; `@root.<name>` is the context.
      if (type === 'data' ? path.parts[0] !== 'root' || index === 0 : type !== 'context') return lookup;
      const place = placeOf(this.source.currentLocation, path.parts, index);
      const args = [JSON.stringify(name), JSON.stringify(template), place.line, place.column].join(',');
      // The last argument stands for the options Handlebars gives (and writes to) any helper.
      return ['(helpers[', JSON.stringify(CHECK), '](', parent, ',', args, ',{}),', lookup, ')'];
    }
  }
  // Block bodies are compiled by `new this.compiler()`: they must check too.
  (CheckingCompiler.prototype as unknown as { compiler: CompilerClass }).compiler = CheckingCompiler;
  const checking = handlebars.create();
  (checking as unknown as { JavaScriptCompiler: CompilerClass }).JavaScriptCompiler = CheckingCompiler;
  checking.registerHelper(CHECK, (parent: unknown, name: string, template: string, line: number, column: number) => {
    if (parent === null || parent === undefined || name in Object(parent) || openObjects.has(parent as object)) return;
    const known = Array.isArray(parent) ? ['length'] : Object.keys(parent);
    report({ template, name, line, column, suggestion: closest(name, known), known });
  });
  return checking;
}

/**
 * Where the `index`th name of a path is: Handlebars gives the whole path's place (0-based
 * columns), and the names are at its end, one separator (`.` or `/`) apart.
 */
function placeOf(location: Location | undefined, parts: readonly string[], index: number): { line: number; column: number } {
  if (!location) return { line: 1, column: 1 };
  const { start, end } = location;
  const fromEnd = parts.slice(index).join('.').length;
  const column = start.line === end.line && end.column - fromEnd >= start.column ? end.column - fromEnd : start.column;
  return { line: start.line, column: column + 1 };
}
