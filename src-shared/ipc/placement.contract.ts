import { distributionInstanceSchema, distributionResultSchema } from '../domain/placement/distribution';
import { defineChannel } from './contract';

/**
 * Solves a placement distribution in the main process (HiGHS WebAssembly, issue 12): the solver
 * instance in, the optimal result with an explanation per student (or what blocks whom) out.
 */
export const placementSolveChannel = defineChannel('placement:solve', distributionInstanceSchema, distributionResultSchema);
