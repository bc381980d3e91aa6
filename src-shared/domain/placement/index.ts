export * from './placement.schema';
export { changeSupervisor, placementEventSchema, placementWorkflow, transition, type PlacementCase, type PlacementEvent } from './placement.workflow';
