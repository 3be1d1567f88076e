// The resident memory of a server under test: every process of its tree (a launcher that restarted itself with the
// malloc settings, a cluster primary, its workers), each read on its own. A process's peak is the larger of what
// 100 ms samples saw and the kernel's own high-water mark (VmHWM), which the sampler resets when it starts
// (`/proc/PID/clear_refs`), so a peak between two samples counts and the start-up before the load does not.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface ProcessRss {
  pid: number;
  /** 'server' (one process), 'primary' and 'worker' (serve --workers N), 'launcher' (waits on the server it started). */
  role: 'server' | 'primary' | 'worker' | 'launcher';
  /** Resident set when sampling started, in MB. */
  startMb: number;
  /** Largest resident set while sampling, in MB. */
  peakMb: number;
}

const kb = (re: RegExp, s: string) => Number(re.exec(s)?.[1] ?? 0);
const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** The process and its descendants, parents first. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  if (read(`/proc/${root}/stat`)) walk(root);
  return out;
}

/** Whether the process was started with this environment variable (as its environment was at exec). */
function startedWith(pid: number, name: string): boolean {
  return read(`/proc/${pid}/environ`)
    .split('\0')
    .some((e) => e.startsWith(`${name}=`));
}

function roleOf(pid: number, tree: number[]): ProcessRss['role'] {
  // node:cluster gives each worker NODE_UNIQUE_ID.
  if (startedWith(pid, 'NODE_UNIQUE_ID')) return 'worker';
  const kids = tree.filter((p) => p !== pid && ppidOf(p) === pid);
  if (kids.some((k) => startedWith(k, 'NODE_UNIQUE_ID'))) return 'primary';
  // bin/chancery.js, started again with the malloc settings as a child (Node before 22.15), marks the child.
  if (kids.some((k) => startedWith(k, 'CHANCERY_MALLOC_WRAPPER'))) return 'launcher';
  return 'server';
}

function ppidOf(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  return stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : 0;
}

/** Starts sampling the tree under `root`; stop() returns each process's start and peak, largest peak first. */
export function sampleRss(root: number, intervalMs = 100): { stop(): ProcessRss[] } {
  const seen = new Map<number, { start: number; peak: number; role: ProcessRss['role'] }>();
  const tick = () => {
    const tree = processTree(root);
    for (const pid of tree) {
      const rss = kb(/VmRSS:\s+(\d+)/, read(`/proc/${pid}/status`));
      if (!rss) continue;
      let s = seen.get(pid);
      if (!s) {
        // From now on the kernel's high-water mark counts this load only.
        try {
          writeFileSync(`/proc/${pid}/clear_refs`, '5');
        } catch {
          /* not ours to reset: the samples alone count */
        }
        s = { start: rss, peak: rss, role: roleOf(pid, tree) };
        seen.set(pid, s);
      }
      s.peak = Math.max(s.peak, rss);
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      for (const [pid, s] of seen) {
        const status = read(`/proc/${pid}/status`);
        if (status) s.peak = Math.max(s.peak, kb(/VmRSS:\s+(\d+)/, status), kb(/VmHWM:\s+(\d+)/, status));
      }
      return [...seen]
        .map(([pid, s]) => ({ pid, role: s.role, startMb: +(s.start / 1024).toFixed(1), peakMb: +(s.peak / 1024).toFixed(1) }))
        .sort((a, b) => b.peakMb - a.peakMb);
    },
  };
}

/** One line: every process's peak, e.g. "worker 142 MB, worker 139, primary 88". */
export function describeRss(ps: ProcessRss[]): string {
  return ps.map((p, i) => `${p.role} ${p.peakMb.toFixed(0)}${i === 0 ? ' MB' : ''}`).join(', ');
}
