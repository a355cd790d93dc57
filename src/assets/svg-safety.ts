/** Why an SVG may not be published, and where in the SVG (1-based line). */
export interface SvgProblem {
  readonly what: string;
  readonly line: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
// Elements of these languages are live in a browser (HTML script, MathML links, XSLT, XInclude).
const LIVE_NAMESPACES = new Set([
  '',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/XSL/Transform',
  'http://www.w3.org/2001/XInclude',
]);

// What a drawing needs. Not here, so refused: script, foreignObject (embeds HTML), iframe,
// handler/listener, and anything a browser might add later.
const SVG_ELEMENTS = new Set(
  (
    'a animate animateMotion animateTransform circle clipPath defs desc ellipse feBlend feColorMatrix feComponentTransfer ' +
    'feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB ' +
    'feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting ' +
    'feSpotLight feTile feTurbulence filter g image line linearGradient marker mask metadata mpath path pattern polygon ' +
    'polyline radialGradient rect set stop style svg switch symbol text textPath title tspan use view'
  ).split(' '),
);
const ANIMATIONS = new Set(['animate', 'animateMotion', 'animateTransform', 'set']);
const NAME = /[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class Refused extends Error {
  constructor(readonly problem: SvgProblem) {
    super(problem.what);
  }
}

/**
 * Why an SVG could run script or load something if published, or `undefined` if it is a plain
 * drawing. The text is parsed as XML (as a browser opening the file does) by a strict reader
 * that refuses what it does not understand: DOCTYPE declarations (`<!ENTITY`), processing
 * instructions (`<?xml-stylesheet`), other entities. Then an allow-list of SVG elements,
 * no `on*` attributes, only `#fragment` references (plus web links in `<a>` and raster
 * `data:` images in `<image>`), and no CSS `url()` to anything but `#fragment`.
 */
export function svgProblem(source: string): SvgProblem | undefined {
  try {
    readSvg(source.replace(/^\uFEFF/, ''));
    return undefined;
  } catch (caught) {
    if (caught instanceof Refused) return caught.problem;
    throw caught;
  }
}

function readSvg(text: string): void {
  let at = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = at; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    at = to;
  };
  const refuse = (what: string): never => {
    throw new Refused({ what, line });
  };
  const until = (marker: string, what: string): number => {
    const end = text.indexOf(marker, at);
    if (end === -1) refuse(what);
    return end;
  };
  const stack: { name: string; local: string; ns: string; prefixes: Map<string, string> }[] = [];
  let rootSeen = false;
  let styleText = '';

  while (at < text.length) {
    if (text.startsWith('<!--', at)) {
      advance(until('-->', 'a comment that never ends') + 3);
    } else if (text.startsWith('<![CDATA[', at)) {
      if (stack.length === 0) refuse('text outside the <svg> element');
      const end = until(']]>', 'a CDATA section that never ends');
      if (stack.at(-1)!.local === 'style') styleText += text.slice(at + 9, end);
      advance(end + 3);
    } else if (text.startsWith('<?', at)) {
      const end = until('?>', 'a processing instruction that never ends');
      if (!(at === 0 && /^<\?xml\s/.test(text.slice(0, 6)))) refuse('a processing instruction (<?…?>), e.g. a style sheet that could transform the file');
      advance(end + 2);
    } else if (text.startsWith('<!', at)) {
      if (!/^<!DOCTYPE\s/i.test(text.slice(at, at + 10)) || rootSeen) refuse('a declaration (<!…>) that is not a plain DOCTYPE');
      const end = until('>', 'a DOCTYPE that never ends');
      if (text.slice(at, end).includes('[')) refuse('a DOCTYPE with its own declarations (<!ENTITY …>), which can hide content');
      advance(end + 1);
    } else if (text.startsWith('</', at)) {
      NAME.lastIndex = at + 2;
      const name = NAME.exec(text)?.[0];
      const open = stack.pop();
      if (!name || !open || open.name !== name) refuse(`a closing tag that does not match (</${name ?? ''}>)`);
      if (open!.local === 'style' && open!.ns === SVG_NS) checkCss(styleText, true, refuse);
      const end = until('>', 'a tag that never ends');
      if (text.slice(at + 2 + name!.length, end).trim() !== '') refuse('a malformed closing tag');
      advance(end + 1);
    } else if (text[at] === '<') {
      if (rootSeen && stack.length === 0) refuse('a second root element');
      const line0 = line;
      NAME.lastIndex = at + 1;
      const name = NAME.exec(text)?.[0] ?? refuse('a malformed tag');
      let pos = at + 1 + name.length;
      const attributes: [string, string][] = [];
      let selfClosing = false;
      for (;;) {
        const space = /\s*/y;
        space.lastIndex = pos;
        space.exec(text);
        const hadSpace = space.lastIndex > pos;
        pos = space.lastIndex;
        if (text.startsWith('/>', pos)) {
          selfClosing = true;
          pos += 2;
          break;
        }
        if (text[pos] === '>') {
          pos += 1;
          break;
        }
        NAME.lastIndex = pos;
        const attribute = NAME.exec(text)?.[0];
        if (!attribute || !hadSpace) refuse(`a malformed tag <${name}>`);
        const equals = /\s*=\s*(["'])/y;
        equals.lastIndex = pos + attribute!.length;
        const quote = equals.exec(text)?.[1] ?? refuse(`a malformed attribute ${attribute}`);
        const end = text.indexOf(quote, equals.lastIndex);
        if (end === -1) refuse(`an attribute value that never ends (${attribute})`);
        const raw = text.slice(equals.lastIndex, end);
        if (raw.includes('<')) refuse(`"<" inside the attribute ${attribute}`);
        if (attributes.some(([seen]) => seen === attribute)) refuse(`the attribute ${attribute} twice`);
        attributes.push([attribute!, decode(raw, refuse)]);
        pos = end + 1;
      }
      advance(pos);
      const element = checkElement(name, attributes, stack.at(-1)?.prefixes, !rootSeen, (what) => {
        throw new Refused({ what, line: line0 });
      });
      rootSeen = true;
      styleText = '';
      if (!selfClosing) stack.push({ name, ...element });
      else if (element.local === 'style' && element.ns === SVG_NS) checkCss('', true, refuse);
    } else {
      const next = text.indexOf('<', at);
      const end = next === -1 ? text.length : next;
      const value = decode(text.slice(at, end), refuse);
      if (stack.length === 0 && value.trim() !== '') refuse('text outside the <svg> element');
      if (stack.at(-1)?.local === 'style') styleText += value;
      advance(end);
    }
  }
  if (stack.length > 0) refuse(`an element that is never closed (<${stack.at(-1)!.name}>)`);
  if (!rootSeen) refuse('no <svg> element');
}

type Refuse = (what: string) => never;

function checkElement(name: string, attributes: readonly [string, string][], inherited: Map<string, string> | undefined, isRoot: boolean, refuse: Refuse) {
  const prefixes = new Map(inherited);
  for (const [attribute, value] of attributes) {
    if (attribute === 'xmlns') prefixes.set('', value);
    else if (attribute.startsWith('xmlns:')) prefixes.set(attribute.slice(6), value);
  }
  const resolve = (qualified: string, isAttribute: boolean): [string, string] => {
    const colon = qualified.indexOf(':');
    if (colon === -1) return [isAttribute ? '' : (prefixes.get('') ?? ''), qualified];
    const prefix = qualified.slice(0, colon);
    if (prefix === 'xml') return [XML_NS, qualified.slice(colon + 1)];
    const ns = prefixes.get(prefix);
    if (ns === undefined) refuse(`an undeclared prefix "${prefix}:"`);
    return [ns!, qualified.slice(colon + 1)];
  };
  const [ns, local] = resolve(name, false);
  if (isRoot && (ns !== SVG_NS || local !== 'svg')) refuse('no <svg xmlns="http://www.w3.org/2000/svg"> root element');
  if (ns === SVG_NS && !SVG_ELEMENTS.has(local)) refuse(`a <${local}> element`);
  if (LIVE_NAMESPACES.has(ns)) refuse(`an element from another language (<${name}>)`);

  for (const [attribute, value] of attributes) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
    const [attributeNs, attributeLocal] = resolve(attribute, true);
    if (/^on/i.test(attributeLocal)) refuse(`an event handler (${attribute}="…")`);
    // eslint-disable-next-line no-control-regex -- browsers ignore control characters in an address, so they are squeezed out before looking for a scheme
    const squeezed = value.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
    if (/(java|vb)script:/.test(squeezed)) refuse(`a script address in ${attribute}="…"`);
    if (attribute === 'style') checkCss(value, true, refuse);
    else if (squeezed.includes('url(') || squeezed.includes('image-set(')) checkCss(value, false, refuse);
    if (ns !== SVG_NS) continue;
    if (attributeLocal === 'href' && (attributeNs === '' || attributeNs === XLINK_NS)) checkHref(local, value, attribute, refuse);
    if (ANIMATIONS.has(local) && attributeLocal === 'attributeName' && /(^|:)href$|^on/i.test(value.trim()))
      refuse(`an animation that changes ${value.trim()}`);
  }
  return { local, ns, prefixes };
}

/** Only `#fragment` references; web links in `<a>`; raster images inlined as `data:` in `<image>`. */
function checkHref(element: string, value: string, attribute: string, refuse: Refuse): void {
  const href = value.replace(/[\t\n\r]/g, '').trim();
  if (href.startsWith('#')) return;
  if (element === 'a' && /^(https?:\/\/|mailto:)/i.test(href)) return;
  if ((element === 'image' || element === 'feImage') && /^data:image\/(png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i.test(href)) return;
  refuse(`a reference to another file or address (${attribute}="${href.length > 40 ? `${href.slice(0, 40)}…` : href}")`);
}

/** CSS in a style sheet or attribute: no imports, no escapes (they can spell `url`), `url(#…)` only. */
function checkCss(css: string, isStyle: boolean, refuse: Refuse): void {
  if (/@import/i.test(css)) refuse('a CSS @import');
  if (isStyle && css.includes('\\')) refuse('a CSS escape (\\), which can hide a url()');
  if (/image-set\(|(^|[^a-z-])src\(/i.test(css)) refuse('a CSS image-set() or src()');
  for (const match of css.matchAll(/url\(\s*(['"]?)\s*(.?)/gi)) {
    if (match[2] !== '#') refuse('a CSS url() to another file or address');
  }
}

function decode(value: string, refuse: Refuse): string {
  return value.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) refuse('a bare "&" (write &amp;)');
    if (Object.hasOwn(ENTITIES, name)) return ENTITIES[name]!;
    const code = /^#x([0-9a-f]{1,6})$/i.exec(name) ? parseInt(name.slice(2), 16) : /^#([0-9]{1,7})$/.exec(name) ? parseInt(name.slice(1), 10) : undefined;
    if (code === undefined || code > 0x10ffff || code === 0) return refuse(`an entity reference (&${name};)`);
    return String.fromCodePoint(code);
  });
}
