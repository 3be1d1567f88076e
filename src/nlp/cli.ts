// Command-line entry points for `chancery extract` and the development-set evaluation.
import { readFile } from 'node:fs/promises';
import { evaluateDir, formatReport, TESTDATA_DIR } from './eval.js';
import { evaluateSet, formatSetReport, isSetDir } from './eval-set.js';
import { existsSync } from 'node:fs';
import { extract, UnreadableLanguageError } from './index.js';

/** Streams the CLI functions write to and read from. */
export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin?: AsyncIterable<Buffer | string>;
}

const USAGE = 'usage: chancery extract FILE|- [--published YYYY-MM-DD] [--lang auto|en|ru|zh]';

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

async function readAll(stdin: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stdin) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  return Buffer.concat(parts);
}

/** `chancery extract FILE [--published YYYY-MM-DD] [--lang auto|en|ru|zh]`: prints the contract JSON; 2 on bad input. */
export async function runExtractCli(argv: string[], io: CliIo): Promise<number> {
  const args = argv[0] === 'extract' ? argv.slice(1) : [...argv];
  let file: string | undefined;
  let published: string | undefined;
  let lang = 'auto';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const take = (flag: string) => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      if (a === '--published' || a.startsWith('--published=')) published = take('--published');
      else if (a === '--lang' || a.startsWith('--lang=')) lang = take('--lang');
      else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
      else if (file === undefined) file = a;
      else throw new Error(`unexpected argument ${a}`);
    } catch (e) {
      io.stderr.write(`chancery extract: ${(e as Error).message}; ${USAGE}\n`);
      return 2;
    }
  }
  if (!file) {
    io.stderr.write(`chancery extract: missing FILE; ${USAGE}\n`);
    return 2;
  }
  if (published !== undefined && !validDate(published)) {
    io.stderr.write(`chancery extract: --published must be a calendar date YYYY-MM-DD, got "${published}"\n`);
    return 2;
  }
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang) && lang !== 'auto') {
    io.stderr.write(`chancery extract: --lang must be auto, en, ru or zh, got "${lang}"\n`);
    return 2;
  }
  let buf: Buffer;
  try {
    if (file === '-') {
      if (!io.stdin) throw new Error('no standard input');
      buf = await readAll(io.stdin);
    } else buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    io.stderr.write(`chancery extract: cannot read ${file === '-' ? 'standard input' : file}: ${why}\n`);
    return 2;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    io.stderr.write(`chancery extract: ${file === '-' ? 'standard input' : file} is not valid UTF-8 text\n`);
    return 2;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    io.stderr.write(`chancery extract: ${file === '-' ? 'standard input' : file} is empty\n`);
    return 2;
  }
  let result;
  try {
    result = extract(text, { published, lang });
  } catch (e) {
    if (!(e instanceof UnreadableLanguageError)) throw e;
    io.stderr.write(`chancery extract: ${e.message}\n`);
    return 2;
  }
  io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  return 0;
}

/** Print the precision/recall/F1 table over the golden files, or over a set of real reporting (`--set DIR`); `--verbose` lists misses. */
export async function runEvalCli(argv: string[], io: CliIo): Promise<number> {
  let dir = TESTDATA_DIR;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    if ((argv[i] === '--dir' || argv[i] === '--set') && argv[i + 1]) dir = argv[++i];
    else if (argv[i].startsWith('--dir=') || argv[i].startsWith('--set=')) dir = argv[i].slice(6);
    else if (argv[i] === '--verbose' || argv[i] === '-v') verbose = true;
  }
  if (!existsSync(dir)) {
    io.stderr.write(
      `chancery eval-nlp: ${dir} does not exist: there is nothing to score (the development set is read from ../shared/knowledge-devset when it is there)\n`,
    );
    return 2;
  }
  // A set of real reporting (articles/index.json, gold/) is scored with its own lenient matcher, per language.
  if (isSetDir(dir)) {
    io.stdout.write(formatSetReport(evaluateSet(dir), verbose));
    return 0;
  }
  let report;
  try {
    report = evaluateDir(dir);
  } catch (e) {
    io.stderr.write(`chancery eval: cannot evaluate ${dir}: ${(e as Error).message}\n`);
    return 2;
  }
  io.stdout.write(formatReport(report));
  if (verbose) {
    for (const c of report.cases) {
      for (const g of c.missed)
        io.stdout.write(`MISSED   ${c.name}: ${g.type} ${JSON.stringify(g.args)} ${JSON.stringify(g.when ?? '')}\n`);
      for (const p of c.spurious)
        io.stdout.write(
          `SPURIOUS ${c.name}: ${p.type} ${JSON.stringify(p.args)} ${JSON.stringify(p.when ?? '')} | ${p.evidence.text.slice(0, 100)}\n`,
        );
    }
  }
  return 0;
}
