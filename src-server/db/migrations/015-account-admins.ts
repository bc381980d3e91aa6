import type { Migration } from '../migrations';

/** Account administrators: see and revoke every user's devices (src-server/admin-api). */
export const accountAdminsMigration: Migration = {
  id: '015-account-admins',
  sql: `
    -- Not a role of the domain (what a user may see of cases): the right to manage accounts'
    -- devices. Granted with \`npm run admin -- user grant-admin --username U\`.
    ALTER TABLE users ADD COLUMN account_admin boolean NOT NULL DEFAULT false;
  `,
};
