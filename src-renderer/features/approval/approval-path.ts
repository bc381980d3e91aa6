/** Where the approval screens live in the app's (hash) routes. */
export const APPROVAL_PATH = '/approval';

export const approvalCasePath = (id: string) => `${APPROVAL_PATH}/${encodeURIComponent(id)}`;
