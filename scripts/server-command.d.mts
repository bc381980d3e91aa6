/** Types of server-command.mjs for the TypeScript callers (ServerProcess, the tests). */
export const SERVER_BUNDLE: string;
export const SERVER_NODE_OPTIONS: string[];
