import type { Handlers } from '../../../src-shared/ipc/channels';
import { solveDistribution } from '../../../src-shared/domain/placement/distribution';
import { highs } from './highs';

/**
 * `placementSolve`: the optimal distribution of the (already parsed) instance with an explanation
 * per student, or what blocks whom. Runs in the main process (the renderer awaits it and shows
 * that it is busy); HiGHS is loaded on the first call.
 */
export const placementSolve: Handlers['placementSolve'] = async (instance) => solveDistribution(await highs(), instance, { explain: true });
