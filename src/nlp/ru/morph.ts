// Case forms of Russian proper names, country names and their adjectives, generated from the
// nominative by declension class (singular; plural adjectives for "российские" and the like).
// Generating forms from a known nominative is exact where stripping endings from text is not:
// a lookup table of forms never turns "Того" (the pronoun) or "Мали" into something else.

/** Six cases: nominative, genitive, dative, accusative, instrumental, prepositional; alternatives per case. */
export type Paradigm = string[][];

const VELAR_SIBILANT = /[гкхжшчщ]$/;
const SIBILANT = /[жшчщц]$/;

/** Case forms of an adjective in the nominative (masculine -ий/-ый/-ой, feminine -ая/-яя, neuter -ое, plural -ие/-ые). */
export function adjectiveParadigm(w: string): Paradigm | undefined {
  const m = /^(.*?)(ий|ый|ой|ая|яя|ое|ее|ие|ые)$/i.exec(w);
  if (!m) return undefined;
  const stem = m[1];
  const end = m[2].toLowerCase();
  const soft = end === 'яя' || end === 'ее';
  const sib = /[жшчщ]$/.test(stem);
  const velar = /[гкх]$/.test(stem);
  const y = soft || velar || sib ? 'и' : 'ы';
  const o = soft || sib ? 'е' : 'о'; // Высшего, российского
  if (end === 'ая' || end === 'яя') {
    return [[w], [stem + o + 'й'], [stem + o + 'й'], [stem + (soft ? 'юю' : 'ую')], [stem + o + 'й', stem + o + 'ю'], [stem + o + 'й']];
  }
  if (end === 'ие' || end === 'ые') {
    return [[w], [stem + y + 'х'], [stem + y + 'м'], [w, stem + y + 'х'], [stem + y + 'ми'], [stem + y + 'х']];
  }
  if (end === 'ое' || end === 'ее') {
    return [[w], [stem + o + 'го'], [stem + o + 'му'], [w], [stem + y + 'м'], [stem + o + 'м']];
  }
  return [[w], [stem + o + 'го'], [stem + o + 'му'], [w, stem + o + 'го'], [stem + y + 'м'], [stem + o + 'м']];
}

/** All forms of an adjective in every gender and number (for "российский", "российская", "российские" ...). */
export function adjectiveAllForms(masc: string): string[] {
  const m = /^(.*?)(ий|ый|ой)$/i.exec(masc);
  if (!m) return [masc];
  const stem = m[1];
  const y = VELAR_SIBILANT.test(stem) ? 'и' : 'ы';
  const out = new Set<string>();
  for (const p of [
    adjectiveParadigm(masc),
    adjectiveParadigm(stem + 'ая'),
    adjectiveParadigm(stem + 'ое'),
    adjectiveParadigm(stem + y + 'е'),
  ]) {
    for (const c of p ?? []) for (const f of c) out.add(f);
  }
  out.add(stem + 'ою');
  return [...out];
}

/** Case forms of one noun or name in the nominative singular. Indeclinable words keep one form. */
export function nounParadigm(w: string, opts: { animate?: boolean; surname?: boolean } = {}): Paradigm {
  const lo = w.toLowerCase();
  const keep = (): Paradigm => [[w], [w], [w], [w], [w], [w]];
  if (/[оеиуюэы]$/.test(lo) && !/(ие|ье)$/.test(lo)) return keep(); // Сочи, Токио, Си, Душанбе, Моди
  if (/[A-Za-z0-9]$/.test(w) || /^[А-ЯЁ]{2,}$/.test(w)) return keep(); // acronyms: ШОС, КНР
  if (/ия$/.test(lo)) {
    const s = w.slice(0, -2);
    return [[w], [s + 'ии'], [s + 'ии'], [s + 'ию'], [s + 'ией', s + 'иею'], [s + 'ии']];
  }
  if (/я$/.test(lo)) {
    const s = w.slice(0, -1);
    return [[w], [s + 'и'], [s + 'е'], [s + 'ю'], [s + 'ей', s + 'ею'], [s + 'е']];
  }
  if (/а$/.test(lo)) {
    const s = w.slice(0, -1);
    const y = VELAR_SIBILANT.test(s) ? 'и' : 'ы';
    const ins = SIBILANT.test(s) ? [s + 'ей', s + 'ой'] : [s + 'ой', s + 'ою'];
    return [[w], [s + y], [s + 'е'], [s + 'у'], ins, [s + 'е']];
  }
  if (/ий$/.test(lo)) {
    const s = w.slice(0, -2);
    return [[w], [s + 'ия'], [s + 'ию'], opts.animate ? [s + 'ия'] : [w], [s + 'ием'], [s + 'ии', s + 'ие']];
  }
  if (/[йь]$/.test(lo)) {
    const s = w.slice(0, -1);
    // Masculine (Игорь, Тайвань) or feminine (Казань, Рязань): both sets of endings.
    const fem = /ь$/.test(lo) && !opts.animate ? { gen: [s + 'и'], ins: [s + 'ью'] } : { gen: [], ins: [] };
    return [
      [w],
      [s + 'я', ...fem.gen],
      [s + 'ю', ...fem.gen],
      opts.animate ? [s + 'я'] : [w],
      [s + 'ем', s + 'ём', ...fem.ins],
      [s + 'е', ...fem.gen],
    ];
  }
  // Consonant: Пекин, Путин, Пашинян, Казахстан.
  // Путиным, Токаевым, but Цзиньпином: -ин/-ын names take either.
  const ins = opts.surname && /(ов|ев|ёв)$/.test(lo) ? [w + 'ым'] : SIBILANT.test(lo) ? [w + 'ем', w + 'ом'] : [w + 'ом'];
  if (/(ин|ын)$/.test(lo) || (opts.surname === undefined && /(ов|ев|ёв)$/.test(lo))) ins.push(w + 'ым');
  return [[w], [w + 'а'], [w + 'у'], opts.animate ? [w + 'а'] : [w], ins, [w + 'е']];
}

const ADJ_END = /(ий|ый|ой|ая|яя|ое|ее|ие|ые)$/i;
const NAME_PARTICLE = /^(бен|бин|ибн|аль|эль|ад|ас|ан|ат|аш|абу|ван|фон|де|да|дос|ду|ла|ле|бинт)$/i;

/**
 * Case forms of a multi-word name: leading adjectives agree with the head noun; the words after
 * the head stay as they are ("Республика Корея" -> "Республики Корея", "Южная Корея" -> "Южной Корее").
 * In a hyphenated word the last part declines ("Санкт-Петербург" -> "Санкт-Петербурге").
 */
export function phraseForms(phrase: string, opts: { animate?: boolean; person?: boolean } = {}): string[] {
  const words = phrase.split(/\s+/).filter(Boolean);
  const paradigms: Paradigm[] = [];
  let headSeen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (headSeen && !opts.person) {
      paradigms.push([[w], [w], [w], [w], [w], [w]]);
      continue;
    }
    // Particles of Arabic, Dutch or Portuguese names never decline: "Мухаммедом бен Заидом Аль Нахайяном".
    if (opts.person && i < words.length - 1 && NAME_PARTICLE.test(w)) {
      paradigms.push([[w], [w], [w], [w], [w], [w]]);
      continue;
    }
    const adj = !opts.person && i < words.length - 1 && ADJ_END.test(w) ? adjectiveParadigm(w) : undefined;
    if (adj) {
      paradigms.push(adj);
      continue;
    }
    const hy = w.lastIndexOf('-');
    if (hy > 0 && hy < w.length - 1) {
      const head = w.slice(0, hy + 1);
      const p = nounParadigm(w.slice(hy + 1), { animate: opts.animate, surname: opts.person ? i === words.length - 1 : undefined });
      paradigms.push(p.map((c) => c.map((f) => head + f)));
    } else {
      paradigms.push(nounParadigm(w, { animate: opts.animate, surname: opts.person ? i === words.length - 1 : undefined }));
    }
    headSeen = true;
  }
  const out = new Set<string>([phrase]);
  for (let c = 0; c < 6; c++) {
    let acc: string[] = [''];
    for (const p of paradigms) {
      const next: string[] = [];
      for (const a of acc) for (const f of p[c]) next.push(a ? a + ' ' + f : f);
      acc = next;
    }
    for (const f of acc) out.add(f);
  }
  return [...out];
}

/**
 * Nominative candidates for an inflected name word not in any list (a titled person the register
 * does not know): "Моргуловым" -> "Моргулов", "Игорем" -> "Игорь"/"Игоре"..., best guess first.
 */
export function nameLemma(w: string): string {
  const lo = w.toLowerCase();
  const cut = (n: number, add = '') => w.slice(0, w.length - n) + add;
  if (/(ов|ев|ёв|ин|ын)(ым|а|у|е)$/.test(lo)) return cut(lo.endsWith('ым') ? 2 : 1);
  if (/(ов|ев|ин)ой$/.test(lo)) return cut(2, 'а'); // Захаровой -> Захарова
  if (/(ия|ию|ием|ии)$/.test(lo) && lo.length > 5) return cut(lo.endsWith('ием') ? 3 : 2, 'ий');
  if (/[рл]ем$/.test(lo)) return cut(2, 'ь'); // Игорем
  if (/ом$/.test(lo) && lo.length > 4) return cut(2);
  if (/[^аеиоуыэюя]а$/.test(lo) && lo.length > 4) return cut(1);
  if (/[^аеиоуыэюя]у$/.test(lo) && lo.length > 4) return cut(1);
  return w;
}
