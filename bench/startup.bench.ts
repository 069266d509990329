// `pnpm bench startup`: what a person waits for and what the process holds.
// - time from `pnpm start` to the web page answering: first start (nothing built, empty data
//   directory) and second start (nothing changed);
// - RSS of the server process 60 s after the second start (idle), and after a steady phase of API
//   use (STARTUP_BENCH_STEADY_S, default 120 s; the issue asked 5 minutes: set 300 for that);
// - what PGlite alone takes in a bare Node process on the same data directory.
// STARTUP_BENCH_DIR measures another checkout (e.g. an older commit, for before/after figures).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPostRequest,
  type LiveClient,
  pnpmCommand,
  setUpClient,
} from '../apps/api/test/support/live-server';
import type { BenchSection } from './run';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(process.env.STARTUP_BENCH_DIR ?? path.join(here, '..'));
const steadySeconds = Number(process.env.STARTUP_BENCH_STEADY_S ?? 120);
const label = process.env.STARTUP_BENCH_LABEL ?? 'compiled server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** RSS in MiB of `pid` and of every process below it, by pid. */
function treeRss(root: number): Map<number, { rss: number; cmd: string }> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const out = new Map<number, { rss: number; cmd: string }>();
  const visit = (pid: number) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      out.set(pid, { rss, cmd });
    } catch {}
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return out;
}

/** The server: the Node process of the tree that runs Cadence's API entry point. */
function serverRss(root: number): { server: number; tree: number } {
  const tree = [...treeRss(root).values()];
  const servers = tree.filter((p) => /apps\/api\/(dist|src)\/main/.test(p.cmd));
  return {
    server: Math.round(Math.max(0, ...servers.map((p) => p.rss))),
    // Without pnpm itself and its watchdog shell: what Cadence's own processes hold.
    tree: Math.round(
      tree.filter((p) => !/^(\S*\/)?pnpm(\s|$)|^sh -c trap/.test(p.cmd)).reduce((a, p) => a + p.rss, 0),
    ),
  };
}

async function start(env: Record<string, string>, port: number) {
  const [cmd, args] = pnpmCommand(['start']);
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: repo,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.text();
      if (res.status === 200) break;
    } catch {}
    if (child.exitCode !== null) throw new Error(`pnpm start exited (${child.exitCode})`);
    await sleep(100);
  }
  const seconds = (performance.now() - started) / 1000;
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return { child, seconds, stop };
}

async function steadyUse(url: string, client: LiveClient, seconds: number) {
  const end = Date.now() + seconds * 1000;
  let requests = 0;
  let n = 0;
  const worker = async () => {
    while (Date.now() < end) {
      const i = n++;
      const created = await fetch(
        `${url}/api/v1/workspaces/${client.workspaceId}/posts`,
        createPostRequest(client, `Steady post ${i} #cadence`, `steady-${i}`),
      );
      const post = (await created.json()) as { id?: string };
      const list = await fetch(`${url}/api/v1/workspaces/${client.workspaceId}/posts?limit=50`, {
        headers: client.headers,
      });
      await list.text();
      if (post.id) {
        const one = await fetch(`${url}/api/v1/workspaces/${client.workspaceId}/posts/${post.id}`, {
          headers: client.headers,
        });
        await one.text();
      }
      requests += 3;
      await sleep(100); // a person or a light integration, not a load test
    }
  };
  await Promise.all([worker(), worker()]);
  return requests;
}

export default async function startupBench(): Promise<BenchSection[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-startup-'));
  const env = { DATA_DIR: dataDir, NODE_ENV: 'development', API_RATE_LIMIT_PER_MINUTE: '100000' };
  try {
    // First start: nothing built (as after a fresh clone and install), empty data directory.
    for (const dir of ['apps/web/dist', 'apps/api/dist', 'apps/publisher/dist']) {
      rmSync(path.join(repo, dir), { recursive: true, force: true });
    }
    const port = await freePort();
    const first = await start(env, port);
    const firstRss = serverRss(first.child.pid as number);
    await first.stop();

    const second = await start(env, port);
    const url = `http://127.0.0.1:${port}`;
    const afterStart = serverRss(second.child.pid as number);
    await sleep(60_000);
    const idle = serverRss(second.child.pid as number);
    const client = await setUpClient(url);
    const requests = await steadyUse(url, client, steadySeconds);
    const afterUse = serverRss(second.child.pid as number);
    await second.stop();

    const pgliteDir = path.join(dataDir, 'pglite');
    const pglite = existsSync(pgliteDir)
      ? await new Promise<string>((resolve) => {
          const c = spawn(
            process.execPath,
            ['--import', 'tsx', path.join(here, 'pglite-rss.ts'), pgliteDir],
            {
              cwd: path.join(here, '..'),
              stdio: ['ignore', 'pipe', 'inherit'],
            },
          );
          let out = '';
          c.stdout.on('data', (d: Buffer) => {
            out += d.toString();
          });
          c.once('exit', () => resolve(out.trim().split('\n').pop() ?? '{}'));
        })
      : '{}';
    const p = JSON.parse(pglite) as {
      before?: number;
      opened?: number;
      afterQueries?: number;
      openMs?: number;
    };
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ');
    return [
      {
        title: `Start-up and memory (${label})`,
        lines: [
          `One run (each start is a minute of work; medians would need an idle machine for an hour).`,
          `Load average during the run: ${load} on ${os.cpus().length} cores (other work shared the machine).`,
          '',
          '| What | Figure |',
          '| --- | --- |',
          `| \`pnpm start\` to the page answering, first start (nothing built, empty data dir) | ${first.seconds.toFixed(1)} s |`,
          `| \`pnpm start\` to the page answering, second start (nothing changed) | ${second.seconds.toFixed(1)} s |`,
          `| RSS of the server process right after the first start (initdb) | ${firstRss.server} MiB |`,
          `| RSS of the server process right after the second start | ${afterStart.server} MiB (tree without pnpm: ${afterStart.tree} MiB) |`,
          `| RSS idle 60 s after the second start | ${idle.server} MiB (tree: ${idle.tree} MiB) |`,
          `| RSS after ${steadySeconds} s of steady API use (${requests} requests: create, list, read) | ${afterUse.server} MiB (tree: ${afterUse.tree} MiB) |`,
          `| PGlite alone in a bare Node process: before open / opened / after 50 queries | ${p.before ?? '?'} / ${p.opened ?? '?'} / ${p.afterQueries ?? '?'} MiB (open ${p.openMs ?? '?'} ms) |`,
        ],
      },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
