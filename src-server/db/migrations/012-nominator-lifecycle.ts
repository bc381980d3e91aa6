import type { Migration } from '../migrations';

/** The life of a partner's nominator account (src-server/case-types/nomination/nominators). */
export const nominatorLifecycleMigration: Migration = {
  id: '012-nominator-lifecycle',
  sql: `
    -- Set when the account was deactivated automatically (its partners' agreements all ended, or
    -- it was not used for NOMINATOR_IDLE_DAYS); cleared when staff invite the person again.
    ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
    ALTER TABLE users ADD COLUMN deactivation_reason text CHECK (deactivation_reason IN ('agreements-ended', 'idle'));
    -- Set when the account's personal data was deleted (NOMINATOR_RETENTION_DAYS after deactivation);
    -- the row stays as the pseudonymous reference of the audit trail and the cases.
    ALTER TABLE users ADD COLUMN purged_at timestamptz;
  `,
};
