// Chinese reader: Chinese text (simplified or traditional) in, contract facts and entity mentions out.
// Traditional characters are folded to simplified one for one, so every offset found on the folded
// text is an offset into the original; evidence and mentions are cut from the original.
import type { EntityType, ExtractOptions, MentionRef, Reading } from '../types.js';
import { anchorOf, DATELINE, findDates, type DateHit } from './dates.js';
import { personById } from '../people.js';
import { findMentions } from './entities.js';
import { readFacts, type Doc } from './facts.js';
import { fold } from './fold.js';
import { splitSentences } from './sentences.js';

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

const SPEECH_TITLE = /(讲话|发言|致辞|演讲|署名文章|贺信)/;

/** Read a Chinese article (first line title, then body). Offsets are into `text`. */
export function readChinese(text: string, opts: ExtractOptions = {}): Reading {
  const s = fold(text);
  const sents = splitSentences(s);
  const mentions = findMentions(s);
  const anchor = anchorOf(opts.published);

  // Dateline: (2025年6月17日,阿斯塔纳) or 新华社北京11月11日电, within the first lines.
  let dateline: DateHit | undefined;
  let datelinePlace: string | undefined;
  const head = s.slice(0, Math.min(s.length, 400));
  const dl = DATELINE.exec(head);
  if (dl) {
    const start = dl.index + dl[0].indexOf(dl[1] ?? dl[6]);
    const hits = findDates(s.slice(dl.index, dl.index + dl[0].length), anchor, dl.index);
    if (hits.length) dateline = { ...hits[0], start: hits[0].start, end: hits[0].end };
    void start;
    const where = mentions.find((m) => m.start >= dl.index && m.end <= dl.index + dl[0].length && m.kind === 'place');
    if (where) datelinePlace = where.id;
  }
  // The author of a speech: the person named at the head of its title, or on a byline of its own.
  let speaker: string | undefined;
  const title = sents[0];
  if (title && SPEECH_TITLE.test(s.slice(title.start, title.end))) {
    const firstLines = mentions.filter((m) => m.kind === 'person' && m.start < Math.min(s.length, 300));
    speaker = firstLines[0]?.id;
  }
  // An interview: paragraphs that open on the answerer's name ("扎帕罗夫：") are theirs, so "我" is the answerer
  // and "我国" their country, not China's.
  const answerers = new Set<string>();
  for (const line of s.matchAll(/(^|\n)([^\n:：]{2,8})[:：]/g)) {
    const name = line[2].trim();
    if (/记者|问|答/.test(name)) continue;
    const at = line.index + line[1].length;
    const who = mentions.find(
      (m) => m.kind === 'person' && (s.slice(m.start, m.end).endsWith(name) || name.endsWith(s.slice(m.start, m.end))),
    );
    if (!who) continue;
    answerers.add(who.id);
    const country = who.country;
    const end = s.indexOf('\n', at);
    if (country && country !== 'country:CN')
      for (const m of mentions)
        if (m.start >= at && (end < 0 || m.end <= end) && m.id === 'country:CN' && s.slice(m.start, m.end) === '我国') m.id = country;
  }
  // A leader answering speaks of their own trips ("我赴西安出席"); an ambassador's "我" is no traveller to infer.
  const answerer = answerers.size === 1 ? [...answerers][0] : undefined;
  if (!speaker && answerer && personById(answerer)?.offices.some((o) => /president|prime minister|chairman|king|emir/i.test(o.title)))
    speaker = answerer;
  // A dated dateline anchors the bare days of the text (8日) better than the publication date.
  const docAnchor = dateline?.precision === 'day' ? (anchorOf(dateline.value) ?? anchor) : anchor;
  const sources = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    if (m.title?.source || personById(m.id)?.offices.some((o) => /spokes/i.test(o.title))) sources.add(m.id);
  }
  const doc: Doc = { text, s, sents, mentions, anchor: docAnchor, dateline, datelinePlace, speaker, sources };
  const facts = readFacts(doc);

  const names = new Map<string, { type: EntityType; name: string }>();
  const refs: MentionRef[] = [];
  for (const m of mentions) {
    for (const id of m.ids ?? [m.id]) {
      refs.push({ id, start: m.start, end: m.end });
      if (names.has(id)) continue;
      if (m.kind === 'person' && m.en) {
        // A Chinese official's English name is the pinyin of the id (person:yu-jianhua -> Yu Jianhua).
        const py = /^person:([a-z]+)-([a-z]+)$/.exec(id);
        names.set(id, { type: 'person', name: py ? `${cap(py[1])} ${cap(py[2])}` : text.slice(m.start, m.end) });
      } else if (m.en && (m.kind === 'org' || m.kind === 'project' || m.kind === 'place' || m.kind === 'region')) {
        names.set(id, { type: m.kind === 'org' ? 'organization' : m.kind === 'region' ? 'place' : m.kind, name: m.en });
      }
    }
  }
  for (const f of facts) {
    const p = f.args.project;
    if (typeof p === 'string' && !names.has(p)) names.set(p, { type: 'project', name: p.slice(8).replace(/-/g, ' ') });
  }
  return { facts, mentions: refs, names };
}
