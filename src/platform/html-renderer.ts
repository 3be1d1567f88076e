// Turns the views' Preact elements into HTML on the server. Our views are plain functions of their props (no
// hooks, context, class components or suspense), so this walks the elements directly, writing what
// preact-render-to-string writes for them (html-renderer.test.ts renders every page both ways); it
// drew an article page in about half the time, because it skips the component objects and option hooks
// a full renderer keeps for every element, and settles each attribute name once rather than on every use.
import { Fragment, type VNode } from 'preact';

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'command',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const UNSAFE_NAME = /[\s\n\\/='"\0<>]/;
const NAMESPACED = /^(xlink|xmlns|xml)([A-Z])/;
const LOWER_CASED =
  /^(?:accessK|auto[A-Z]|cell|ch|col|cont|cross|dateT|encT|form[A-Z]|frame|hrefL|inputM|maxL|minL|noV|playsI|popoverT|readO|rowS|src[A-Z]|tabI|useM|item[A-Z])/;
const SVG_CAMEL_CASE =
  /^ac|^ali|arabic|basel|cap|clipPath$|clipRule$|color|dominant|enable|fill|flood|font|glyph[^R]|horiz|image|letter|lighting|marker[^WUH]|overline|panose|pointe|paint|rendering|shape|stop|strikethrough|stroke|text[^L]|transform|underline|unicode|units|^v[^i]|^w|^xH/;
const ENUMERATED = new Set(['draggable', 'spellcheck']);
const ENTITY = /["&<]/;

/** Escapes text and attribute values: `"`, `&` and `<`, as preact-render-to-string does. */
export function escapeHtml(s: string): string {
  if (s.length === 0 || !ENTITY.test(s)) return s;
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const e = c === 34 ? '&quot;' : c === 38 ? '&amp;' : c === 60 ? '&lt;' : undefined;
    if (e === undefined) continue;
    if (i !== last) out += s.slice(last, i);
    out += e;
    last = i + 1;
  }
  return last < s.length ? out + s.slice(last) : out;
}

/**
 * What an attribute name is written as: null for names never written (unsafe ones), and a mark for the
 * names whose values are written as text even when boolean. Settled once per name and kept.
 */
interface NameRule {
  name: string | null;
  /** draggable, spellcheck, aria-* and data-*: `true` is written as "true", not as a bare attribute. */
  asText: boolean;
}
const htmlNames = new Map<string, NameRule>();
const svgNames = new Map<string, NameRule>();

function ruleFor(name: string, svg: boolean): NameRule {
  const known = (svg ? svgNames : htmlNames).get(name);
  if (known) return known;
  let rule: NameRule;
  if (UNSAFE_NAME.test(name)) rule = { name: null, asText: false };
  else if (NAMESPACED.test(name)) rule = { name: name.replace(NAMESPACED, '$1:$2').toLowerCase(), asText: false };
  else if (name[4] === '-' || ENUMERATED.has(name)) rule = { name, asText: true };
  else if (svg)
    rule = {
      name: SVG_CAMEL_CASE.test(name) ? (name === 'panose1' ? 'panose-1' : name.replace(/([A-Z])/g, '-$1').toLowerCase()) : name,
      asText: false,
    };
  else rule = { name: LOWER_CASED.test(name) ? name.toLowerCase() : name, asText: false };
  (svg ? svgNames : htmlNames).set(name, rule);
  return rule;
}

const cssNames = new Map<string, string>();
const NON_DIMENSIONAL =
  /^(?:animation-iteration-count|border-image-outset|border-image-slice|border-image-width|box-flex|box-flex-group|box-ordinal-group|column-count|fill-opacity|flex|flex-grow|flex-negative|flex-order|flex-positive|flex-shrink|flood-opacity|font-weight|grid-column|grid-row|line-clamp|line-height|opacity|order|orphans|stop-opacity|stroke-dasharray|stroke-dashoffset|stroke-miterlimit|stroke-opacity|stroke-width|tab-size|widows|z-index|zoom)$/;

/** A style object as CSS text, as preact-render-to-string writes it. */
function styleText(style: Record<string, unknown>): string | undefined {
  let out = '';
  for (const prop in style) {
    const v = style[prop];
    if (v == null || v === '') continue;
    let name = cssNames.get(prop);
    if (name === undefined) {
      name = prop[0] === '-' ? prop : prop.replace(/[A-Z]/g, '-$&').toLowerCase();
      cssNames.set(prop, name);
    }
    const suffix = typeof v === 'number' && !name.startsWith('--') && !NON_DIMENSIONAL.test(name) ? 'px;' : ';';
    out = out + name + ':' + v + suffix;
  }
  return out || undefined;
}

/** Renders a Preact element tree (elements, text, arrays, function components) to HTML. */
export function renderVNode(node: unknown): string {
  return render(node, false, undefined);
}

function render(node: unknown, svg: boolean, selectValue: unknown): string {
  if (node == null || node === true || node === false || node === '') return '';
  const kind = typeof node;
  if (kind !== 'object') {
    if (kind === 'function') return '';
    return kind === 'string' ? escapeHtml(node as string) : String(node);
  }
  if (Array.isArray(node)) {
    let out = '';
    for (let i = 0; i < node.length; i++) {
      const child = node[i];
      if (child == null || typeof child === 'boolean') continue;
      out += render(child, svg, selectValue);
    }
    return out;
  }
  const v = node as VNode<Record<string, unknown>>;
  // An element Preact made has no constructor; anything else is not rendered, as in Preact.
  if (v.constructor !== undefined) return '';
  const type = v.type as unknown;
  const props = v.props;
  if (typeof type === 'function') {
    if (type === Fragment) return render(props.children, svg, selectValue);
    const fn = type as (p: Record<string, unknown>) => unknown;
    if (fn.prototype && typeof fn.prototype.render === 'function') throw new Error('class components are not rendered on the server');
    let out = fn(props);
    // A component that returns a keyless fragment renders its children, as Preact does.
    const r = out as VNode<Record<string, unknown>> | null;
    if (r != null && typeof r === 'object' && r.type === Fragment && r.key == null) out = r.props.children;
    return render(out, svg, selectValue);
  }
  const tag = type as string;
  let s = '<' + tag;
  let html: string | undefined;
  let children: unknown;
  for (const key in props) {
    let value = props[key];
    if (typeof value === 'function' && key !== 'class' && key !== 'className') continue;
    let name = key;
    let asText = false;
    switch (key) {
      case 'children':
        children = value;
        continue;
      case 'key':
      case 'ref':
      case '__self':
      case '__source':
        continue;
      case 'htmlFor':
        if ('for' in props) continue;
        name = 'for';
        break;
      case 'className':
        if ('class' in props) continue;
        name = 'class';
        break;
      case 'defaultChecked':
        name = 'checked';
        break;
      case 'defaultSelected':
        name = 'selected';
        break;
      case 'defaultValue':
      case 'value':
        name = 'value';
        if (tag === 'textarea') {
          children = value;
          continue;
        }
        if (tag === 'select') {
          selectValue = value;
          continue;
        }
        // biome-ignore lint/suspicious/noDoubleEquals: a select's value 2 chooses the option "2", as in Preact.
        if (tag === 'option' && selectValue == value && !('selected' in props)) s += ' selected';
        break;
      case 'dangerouslySetInnerHTML':
        html = (value as { __html?: string } | null)?.__html;
        continue;
      case 'style':
        if (typeof value === 'object') value = value === null ? undefined : styleText(value as Record<string, unknown>);
        break;
      case 'acceptCharset':
        name = 'accept-charset';
        break;
      case 'httpEquiv':
        name = 'http-equiv';
        break;
      default: {
        const rule = ruleFor(key, svg);
        if (rule.name === null) continue;
        name = rule.name;
        asText = rule.asText;
      }
    }
    // draggable="false", aria-hidden="false": these attributes write false too.
    if (asText && value != null) value = String(value);
    if (value == null || value === false) continue;
    if (value === true || value === '') s = s + ' ' + name;
    else s = s + ' ' + name + '="' + escapeHtml(String(value)) + '"';
  }
  if (UNSAFE_NAME.test(tag)) throw new Error(`${tag} is not a valid HTML tag name in ${s}>`);
  if (!html) {
    if (typeof children === 'string') html = escapeHtml(children);
    else if (children != null && children !== false && children !== true)
      html = render(children, tag === 'svg' || (tag !== 'foreignObject' && svg), selectValue);
  }
  if (!html && VOID.has(tag)) return s + '/>';
  return s + '>' + (html ?? '') + '</' + tag + '>';
}
