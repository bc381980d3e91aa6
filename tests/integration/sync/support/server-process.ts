import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_BUNDLE, SERVER_NODE_OPTIONS } from '../../../../scripts/server-command.mjs';

const repo = join(import.meta.dirname, '..', '..', '..', '..');

/**
 * The server as `npm run server` starts it (scripts/server-command.mjs), as a real child process
 * (killable with SIGKILL), on a free port: the bundle, built once per run by the caller (vitest's
 * globalSetup, scripts/bench.ts).
 */
export class ServerProcess {
  private child?: ChildProcess;
  port = 0;

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<number> {
    const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, SERVER_BUNDLE], {
      cwd: repo,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    let startTimer: NodeJS.Timeout | undefined;
    const address = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/[\d.]+:(\d+))/.exec(output);
        if (match) resolve(match[2]!);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
      startTimer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 60_000);
    }).finally(() => clearTimeout(startTimer));
    this.port = Number(address);
    return this.port;
  }

  /** Kills the process at once, as a crash or power loss of the server would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
