export * from './participant.schema';
export * from './registration-rules';
export * from './course-results';
