export * from './checklist-steps';
export * from './checklist.schema';
export * from './checklist-deadlines';
export * from './checklist-rules';
export * from './checklist-timeline';
export * from './checklist-tasks';
