// Chancery knowledge engine: text in, entities and facts out (see the knowledge contract).
import { recognizeEntities } from './entity-recognizer.js';
import { detectLanguage, languageName } from './language.js';
import { personById } from './people.js';
import { readRussian } from './ru/index.js';
import { readChinese } from './zh/index.js';
import { extractFacts } from './fact-extractor.js';
import { KNOWN } from './gazetteer.js';
import { splitSentences } from './sentence-splitter.js';
import { maskMarkup } from './text-normalizer.js';
import { tokenize } from './tokenizer.js';
import type { Entity, ExtractOptions, ExtractResult, Fact, Lang, Reading } from './types.js';

export type * from './types.js';
export { nameIn, registerName } from './names.js';

/** Version stamped on every fact this engine emits. */
export const EXTRACTOR_VERSION = '1.6.0';

/** Facts below this confidence should be held for editorial review. */
export const REVIEW_THRESHOLD = 0.6;

/** Thrown when the text is in a language the engine cannot read. */
export class UnreadableLanguageError extends Error {
  constructor(readonly code: string) {
    super(`cannot read ${languageName(code)} text (language "${code}"); the engine reads English, Russian and Chinese`);
    this.name = 'UnreadableLanguageError';
  }
}

/** The language `extract` would read `text` as (`lang` forces one); throws UnreadableLanguageError. */
export function languageOf(text: string, lang: ExtractOptions['lang'] = 'auto'): Lang {
  if (lang === 'en' || lang === 'ru' || lang === 'zh') return lang;
  if (lang !== 'auto') throw new UnreadableLanguageError(lang);
  const d = detectLanguage(text);
  if ('unreadable' in d) throw new UnreadableLanguageError(d.unreadable);
  return d.lang;
}

/** Extract entities and facts from an article (first line title, then body; Markdown allowed). */
export function extract(text: string, opts: ExtractOptions = {}): ExtractResult {
  const published = opts.published && /^\d{4}-\d{2}-\d{2}$/.test(opts.published) ? opts.published : undefined;
  const lang = languageOf(text, opts.lang);
  if (lang === 'ru') return fromReading('ru', text, readRussian(text, { published }));
  if (lang === 'zh') return fromReading('zh', text, readChinese(text, { published }));
  const norm = maskMarkup(text);
  const toks = tokenize(norm);
  const sents = splitSentences(norm, toks);
  const ents = recognizeEntities(norm, toks, sents, published ? +published.slice(0, 4) : undefined);
  const doc = { text, norm, lower: norm.toLowerCase(), toks, sents, ents, published, projectNames: new Map<string, string>() };
  const facts = fullSummitNames(extractFacts(doc, EXTRACTOR_VERSION));

  const byId = new Map<string, Entity>();
  const entity = (id: string): Entity | undefined => {
    let e = byId.get(id);
    if (e) return e;
    const person = ents.persons.get(id);
    if (person) {
      e = { id, type: 'person', name: person.name, mentions: [] };
      if (person.roles.length) e.roles = person.roles;
    } else {
      const k = KNOWN.get(id) ?? ents.local.get(id);
      if (k) {
        e = { id, type: k.type, name: k.name, mentions: [] };
        if (k.country) e.country = k.country;
      } else if (id.startsWith('project:')) {
        e = { id, type: 'project', name: doc.projectNames.get(id) ?? id.slice(8).replace(/-/g, ' '), mentions: [] };
      } else return undefined;
    }
    const al = new Set([...(KNOWN.get(id)?.aliases ?? []), ...(ents.aliases.get(id) ?? [])]);
    if (al.size) e.aliases = [...al];
    byId.set(id, e);
    return e;
  };
  for (const m of ents.mentions) {
    entity(m.id)?.mentions.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
  }
  for (const f of facts) {
    for (const v of Object.values(f.args)) {
      for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string' && /^(country|person|org|place|project):/.test(x)) entity(x);
    }
  }
  return { lang: 'en', entities: [...byId.values()], facts };
}

/**
 * An organisation's summit is named by the organisation's name and its acronym ("Organization of Turkic States (OTS)
 * summit"): reporters and readers use either, and the one an article happened to use names the event no better.
 */
function fullSummitNames(facts: Fact[]): Fact[] {
  for (const f of facts) {
    if (f.type !== 'summit' || typeof f.args.organization !== 'string' || typeof f.args.name !== 'string') continue;
    const k = KNOWN.get(f.args.organization);
    const acr = k?.aliases.find((a) => /^[A-Z][A-Z0-9+]{1,7}$/.test(a));
    if (!k || !acr || k.name === acr || /^[A-Z0-9+]+$/.test(k.name)) continue;
    const m = /^(?:the\s+)?(\S+(?:\s+\S+)*?)\s+summit(\s+\([^()]*\))?$/i.exec(f.args.name);
    if (m && (m[1] === acr || m[1].toLowerCase() === k.name.toLowerCase())) f.args.name = `${k.name} (${acr}) summit${m[2] ?? ''}`;
  }
  return facts;
}

/** Contract output of a language reader: entities named by the register, the gazetteer or the reader. */
function fromReading(lang: Lang, text: string, r: Reading): ExtractResult {
  const byId = new Map<string, Entity>();
  const entity = (id: string): Entity | undefined => {
    let e = byId.get(id);
    if (e) return e;
    const person = personById(id);
    const known = KNOWN.get(id);
    const local = r.names.get(id);
    if (person) {
      e = { id, type: 'person', name: person.name, mentions: [] };
      if (person.offices.length) e.roles = person.offices.map((o) => ({ title: o.title, of: o.of }));
    } else if (known) {
      e = { id, type: known.type, name: known.name, mentions: [] };
      if (known.country) e.country = known.country;
    } else if (local) e = { id, type: local.type, name: local.name, mentions: [] };
    else if (/^(country|person|org|place|project):/.test(id)) {
      const type = ({ country: 'country', person: 'person', org: 'organization', place: 'place', project: 'project' } as const)[
        id.split(':')[0] as 'country'
      ];
      e = { id, type, name: id.slice(id.indexOf(':') + 1).replace(/-/g, ' '), mentions: [] };
    } else return undefined;
    byId.set(id, e);
    return e;
  };
  for (const m of [...r.mentions].sort((a, b) => a.start - b.start)) {
    entity(m.id)?.mentions.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
  }
  for (const f of r.facts) {
    for (const v of Object.values(f.args)) {
      for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') entity(x);
    }
    f.extractor ??= EXTRACTOR_VERSION;
  }
  return { lang, entities: [...byId.values()], facts: fullSummitNames(r.facts) };
}
