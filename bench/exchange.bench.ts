/**
 * Result exchange figures (resultatutveksling; server side, real HTTP to the stand-in sources):
 *   exchange.fetch-50-sources.seconds     one student's results from 50 institutions answering in
 *                                         50–1500 ms, 3 of them down (2 refusing, 1 hanging until the
 *                                         timeout) and 1 reserved; default concurrency and timeout. Goal ≤ 2.
 *   exchange.speedup-vs-sequential.x      the same fetch one source after another (concurrency 1),
 *                                         in the same run, divided by the figure above. Goal ≥ 10.
 */
import type { Emit } from '../scripts/bench';
import { fsInstitutions } from '../dev/demo-data/fs-institutions';
import { fetchResults } from '../src-server/case-types/approval/result-exchange/fetch-results';
import { loadSources } from '../src-server/case-types/approval/result-exchange/source-directory';
import { startResultSourcesStandIn, TESTPERSON1, type SourceBehaviour } from '../tests/stand-ins/result-sources-server';

const SOURCES = 50;
const institutions = fsInstitutions.slice(0, SOURCES);
const special: Record<string, Partial<SourceBehaviour>> = {
  '185': { down: 'refused' },
  '194': { down: 'refused' },
  '220': { down: 'hang' },
  '231': { reserved: true },
};

export async function run(emit: Emit): Promise<void> {
  if (institutions.length !== SOURCES) throw new Error(`the bench needs ${SOURCES} institutions, the demo data has ${institutions.length}`);
  const behaviour = Object.fromEntries(
    institutions.map((institution, index) => [institution.code, { latencyMs: Math.round(50 + (index * 1450) / (SOURCES - 1)), ...special[institution.code] }]),
  );
  const standIn = await startResultSourcesStandIn({ institutions, behaviour });
  try {
    const sources = await loadSources(standIn.url);
    const fetchDate = new Date().toISOString().slice(0, 10);
    const fetchAll = async (concurrency?: number) => {
      const started = performance.now();
      const answers = await fetchResults({ nationalId: TESTPERSON1, sources, fetchDate, ...(concurrency ? { concurrency } : {}) });
      const seconds = (performance.now() - started) / 1000;
      const count = (outcome: string) => answers.filter((answer) => answer.outcome === outcome).length;
      if (count('sourceUnavailable') !== 3 || count('institutionReserved') !== 1 || count('imported') !== 1) {
        throw new Error(`unexpected outcomes: ${answers.map((answer) => `${answer.institution.code} ${answer.outcome}`).join(', ')}`);
      }
      return seconds;
    };

    await fetchResults({ nationalId: TESTPERSON1, sources: sources.slice(0, 1), fetchDate }); // warm-up (connection, JIT), not counted
    const parallel = await fetchAll();
    emit('exchange.fetch-50-sources.seconds', parallel, 's');
    const sequential = await fetchAll(1);
    emit('exchange.speedup-vs-sequential.x', sequential / parallel, 'x');
  } finally {
    await standIn.close();
  }
}
