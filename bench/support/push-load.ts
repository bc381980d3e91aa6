import { Agent, request } from 'node:http';

/** One client of the load: its access token and the rows it pushes, one per request. */
export interface PushClient {
  accessToken: string;
  /** The n-th request's body (`{rows}`), built before the clock starts. */
  body(n: number): string;
}

export interface PushLoadResult {
  /** Client-side time per push (request sent → answer read), ms. */
  latencies: number[];
  /** The server's own time per push, from its `Server-Timing: push;dur=…` header, ms. */
  serverTimes: number[];
  /** Pushes that failed, or whose rows were refused or conflicted. */
  errors: number;
  /** Wall-clock seconds from the first push sent to the last answer read. */
  seconds: number;
}

export interface PushLoadOptions {
  /**
   * Paced: each client sends its n-th push `n × intervalMs` after its start (clients start spread
   * over one interval), or at once when the previous answer came later. Without it each client
   * sends its next push as soon as it has the previous answer: the server runs saturated, and a
   * push's latency is the queue before it (clients ÷ throughput).
   */
  intervalMs?: number;
}

const serverTiming = /(?:^|,)\s*push;dur=([\d.]+)/;

/**
 * Drives every client from this one process through one keep-alive agent (a socket per client,
 * kept open), so the figure is the server's and the wire's rather than connection setup's. Each
 * client sends its next push when the previous answer has been read, or paced (`intervalMs`).
 */
export async function runPushLoad(
  url: string,
  path: string,
  clients: PushClient[],
  pushesPerClient: number,
  options: PushLoadOptions = {},
): Promise<PushLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients.length });
  const target = new URL(path, url);
  const result: PushLoadResult = { latencies: [], serverTimes: [], errors: 0, seconds: 0 };
  const { intervalMs } = options;
  const started = performance.now();
  const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
  const send = (client: PushClient, body: string) =>
    new Promise<{ status: number; timing: string | undefined; text: string }>((resolve, reject) => {
      const req = request(
        target,
        {
          agent,
          method: 'POST',
          headers: { authorization: `Bearer ${client.accessToken}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, timing: res.headers['server-timing'] as string | undefined, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    await Promise.all(
      clients.map(async (client, index) => {
        for (let n = 0; n < pushesPerClient; n++) {
          const body = client.body(n);
          // Paced, a push is timed from when it was due: one held back by a slow answer counts its wait.
          const due = intervalMs === undefined ? undefined : started + (index / clients.length + n) * intervalMs;
          if (due !== undefined) await sleepUntil(due);
          const t0 = due ?? performance.now();
          try {
            const answer = await send(client, body);
            result.latencies.push(performance.now() - t0);
            const dur = serverTiming.exec(answer.timing ?? '')?.[1];
            if (dur !== undefined) result.serverTimes.push(Number(dur));
            const parsed = answer.status === 200 ? (JSON.parse(answer.text) as { rejections: unknown[]; conflicts: unknown[] }) : null;
            if (!parsed || parsed.rejections.length || parsed.conflicts.length) result.errors++;
          } catch {
            result.latencies.push(performance.now() - t0);
            result.errors++;
          }
        }
      }),
    );
    result.seconds = (performance.now() - started) / 1000;
  } finally {
    agent.destroy();
  }
  return result;
}
