export * from './distribution.schema';
export { buildModel, distributionLp, lockedPairs, type DistributionModel } from './distribution-model';
export { findBlocking } from './blocking';
export { assignSupervisors, byCodeUnits } from './supervisors';
export { explainDistribution, type DistributionExplanation, type ExplanationReason, type CheaperSite } from './explain';
