export * from './fixtures';
export * from './happy-paths';
