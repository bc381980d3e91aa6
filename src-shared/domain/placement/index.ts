export * from './placement.schema';
export * from './activity.schema';
export { decisionOf, placementEventSchema, placementWorkflow, transition, type PlacementCase, type PlacementEvent } from './placement.workflow';
