export * from './distribution.schema';
export { buildModel, distributionLp, lockedPairs, spreadPenalty, type DistributionModel } from './distribution-model';
export { findBlocking } from './blocking';
export { assignSupervisors, byCodeUnits } from './supervisors';
export { explainDistribution, type DistributionExplanation, type ExplanationReason, type CheaperSite } from './explain';
export { solveDistribution, relaxationBound, type LpSolver } from './solve-distribution';
export { explanationText } from './explain-text';
export { distributionResultSchema, distributionExplanationSchema } from './distribution-result.schema';
export {
  buildActivityInstance,
  slotsOf,
  splitPlaces,
  wishRank,
  DISTRIBUTABLE_STATUS,
  type ActivityInstance,
  type ActivityOrder,
  type OrderSlot,
  type SlotSupervisor,
} from './activity-instance';
export { toActivityDistribution, placesFor, lockAssignment, unlockAssignment, studentsPerOrder } from './activity-result';
export { compactInstance, type DistributionLabels } from './compact-instance';
export { blockingSentenceNb } from './blocking-text';
export { kilometresBetween, municipalityKey, travelUnits, type Centre } from './travel-distance';
