/**
 * `npm start` runs this beside the central server (RESULT_SOURCES_URL points at it): the FS
 * institutions' stand-in of the tests on RESULT_SOURCES_PORT (default 4319). Every demo student
 * has the seed's results (Testperson1's at 216 HiSF, Testperson2's at 214 HiNT), so a result
 * fetch in the demo imports something; one institution is down, to show the retry.
 */
import { seedStudents, startResultSourcesStandIn } from '../tests/stand-ins/result-sources-server';

const port = Number(process.env.RESULT_SOURCES_PORT || 4319);
const seeded = seedStudents();
const standIn = await startResultSourcesStandIn({
  port,
  behaviour: { '185': { down: 'refused' } },
  otherwise: (code) => seeded.find((entry) => entry.code === code)?.student,
});
console.log(`Result sources stand-in listening on ${standIn.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void standIn.close().then(() => process.exit(0)));
