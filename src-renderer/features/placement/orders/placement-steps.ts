import { placementWorkflow, type PlacementCase, type PlacementEvent } from '../../../../src-shared/domain/placement/placement.workflow';
import { takeLaptopStep, type LaptopStepDeps, type LaptopStepReport } from '../../case/take-laptop-step';

export type PlacementStepDeps = LaptopStepDeps;
export type PlacementReport = LaptopStepReport;

/** One placement step taken on the laptop (a placement step makes no document or signature). */
export const takePlacementStep = (deps: PlacementStepDeps, caseDoc: PlacementCase, event: PlacementEvent): Promise<PlacementReport[]> =>
  takeLaptopStep(deps, placementWorkflow, caseDoc, event);
