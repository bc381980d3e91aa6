/**
 * A laptop in a process of its own (RxDB's open-source edition allows 13 open collections per
 * process, so several full replicas need several processes). Driven over the IPC channel by
 * RemoteLaptop: { id, cmd, args } in, { id, result | error } out.
 */
import { randomUUID } from 'node:crypto';
import type { Session } from '../../../../src-server/auth/sessions';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { openLaptop, type Laptop } from './client';
import { followUpCase, note } from './fixtures';

let laptop: Laptop | undefined;

interface WorkOptions {
  seconds: number;
  seed: number;
  label: string;
}

async function work({ seconds, seed, label }: WorkOptions) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const session = currentSession!;
  const written = { cases: [] as string[], notes: [] as string[], edits: 0 };
  const until = Date.now() + seconds * 1000;
  for (let step = 1; Date.now() < until; step++) {
    const cases = await laptop!.db.cases.find().exec();
    const pick = cases.length ? (cases[Math.floor(random() * cases.length)]!.toJSON() as Case) : undefined;
    const op = random();
    if (!pick || op < 0.25) {
      const c = followUpCase(session.user.userId, { id: randomUUID(), title: `Sak ${label}.${step}` });
      await laptop!.db.cases.insert(c);
      written.cases.push(c.id);
    } else if (op < 0.7) {
      const n = { ...note(pick.id, session.user.userId, `Notat ${label}.${step}`), authorName: session.user.name };
      await laptop!.db.notes.insert(n);
      written.notes.push(n.id);
    } else {
      const doc = await laptop!.db.cases.findOne(pick.id).exec();
      await doc?.incrementalPatch({ title: `Endret av ${label} (${step})`, updatedBy: session.user.userId, updatedAt: new Date().toISOString() });
      written.edits++;
    }
    await new Promise((resolve) => setTimeout(resolve, 20 + random() * 80));
  }
  return written;
}

async function content() {
  const dump = async (collection: 'cases' | 'notes') =>
    (await laptop!.db[collection].find().exec())
      .map((doc) => doc.toJSON() as Record<string, unknown>)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)))
      .map((doc) => JSON.stringify(doc, Object.keys(doc).sort()));
  return { cases: await dump('cases'), notes: await dump('notes') };
}

let currentSession: Session | undefined;

const commands: Record<string, (args: never) => Promise<unknown>> = {
  async open(args: { baseUrl: string; session: Session }) {
    currentSession = args.session;
    laptop = await openLaptop(args.baseUrl, args.session, { retryTimeMs: 200, pushBatchSize: 20 });
    return true;
  },
  work: (args: WorkOptions) => work(args),
  syncNow: (args: { timeoutMs: number }) => laptop!.sync.syncNow(args.timeoutMs),
  content: () => content(),
  status: async () => laptop!.sync.status,
  async close() {
    await laptop?.close();
    return true;
  },
};

process.on('message', (message: { id: number; cmd: string; args: never }) => {
  const run = commands[message.cmd];
  (run ? run(message.args) : Promise.reject(new Error(`unknown command ${message.cmd}`))).then(
    (result) => process.send!({ id: message.id, result }),
    (error: Error) => process.send!({ id: message.id, error: `${error.name}: ${error.message}` }),
  );
});
process.send!({ id: 0, result: 'ready' });
