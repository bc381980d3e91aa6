export * from './participant.schema';
export * from './registration-rules';
