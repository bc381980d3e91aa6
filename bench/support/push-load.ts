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
}

const serverTiming = /(?:^|,)\s*push;dur=([\d.]+)/;

/**
 * Drives every client from this one process through one keep-alive agent (a socket per client,
 * kept open), so the figure is the server's and the wire's rather than connection setup's. Each
 * client sends its next push when the previous answer has been read.
 */
export async function runPushLoad(url: string, path: string, clients: PushClient[], pushesPerClient: number): Promise<PushLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients.length });
  const target = new URL(path, url);
  const result: PushLoadResult = { latencies: [], serverTimes: [], errors: 0 };
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
      clients.map(async (client) => {
        for (let n = 0; n < pushesPerClient; n++) {
          const body = client.body(n);
          const t0 = performance.now();
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
  } finally {
    agent.destroy();
  }
  return result;
}
