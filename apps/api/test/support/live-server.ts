// A real Cadence process for tests and benches that need one (signals, kill -9, memory): started
// as a child, its printed address awaited, then driven over HTTP like any client.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface LiveServer {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/** `pnpm` as the user runs it: the same pnpm that runs this test when there is one. */
export function pnpmCommand(args: string[]): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (!execPath || !/pnpm/.test(execPath)) return ['pnpm', args];
  // pnpm 12 is a native executable; older ones are a script for node.
  return /\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath, ...args]] : [execPath, args];
}

export function startLive(
  command: [string, string[]],
  env: Record<string, string>,
  timeoutMs = 240_000,
): Promise<LiveServer> {
  const child = spawn(command[0], command[1], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no address within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      // The printed address says localhost; the server listens on 127.0.0.1 (HOST).
      const url = /Cadence is running at (http:\/\/\S+)/
        .exec(output)?.[1]
        ?.replace('//localhost:', '//127.0.0.1:');
      if (url) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve({ child, url, output: () => output, exited });
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before answering:\n${output}`));
    });
  });
}

export interface LiveClient {
  workspaceId: string;
  channelId: string;
  /** Bearer headers of an editor API token. */
  headers: Record<string, string>;
}

async function json(res: Response) {
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${body}`);
  return JSON.parse(body);
}

/** First-run setup, an editor token and a sandbox channel, over HTTP. */
export async function setUpClient(url: string): Promise<LiveClient> {
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'owner@example.com',
      name: 'Olivia Owner',
      password: 'correct horse battery',
      workspace: { name: 'Acme', timezone: 'Europe/Paris', locale: 'en' },
    }),
  });
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = await json(setup);
  const workspaceId = session.workspaces[0].id as string;
  const owner = { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
  const token = await json(
    await fetch(`${url}/api/v1/workspaces/${workspaceId}/api-tokens`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ name: 'load', role: 'manager' }),
    }),
  );
  const channel = await json(
    await fetch(`${url}/api/v1/workspaces/${workspaceId}/channels`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ network: 'sandbox', displayName: 'Sandbox', handle: '@sandbox' }),
    }),
  );
  return {
    workspaceId,
    channelId: channel.id,
    headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
  };
}

export function createPostRequest(client: LiveClient, text: string, idempotencyKey?: string): RequestInit {
  return {
    method: 'POST',
    headers: { ...client.headers, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: JSON.stringify({ text, targets: [{ channelId: client.channelId }] }),
  };
}
