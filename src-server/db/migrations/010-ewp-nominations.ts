import type { Migration } from '../migrations';

/** Nomination drafts imported through EWP (src-server/case-types/nomination/ewp). */
export const ewpNominationsMigration: Migration = {
  id: '010-ewp-nominations',
  sql: `
    -- One row per mobility of a partner's Outgoing Mobilities API; the sending HEI owns the
    -- omobility id. A draft waits here (incoming status pending) until staff verify or reject it;
    -- the partner reads that status back through the Incoming Mobilities get route.
    CREATE TABLE ewp_nominations (
      sending_hei_id text NOT NULL,
      omobility_id text NOT NULL,
      receiving_hei_id text NOT NULL,
      -- The draft as last imported (src-shared/domain/nomination/ewp-nomination.ts).
      draft jsonb NOT NULL,
      incoming_status text NOT NULL DEFAULT 'pending' CHECK (incoming_status IN ('pending', 'verified', 'rejected')),
      incoming_comment text,
      imported_at timestamptz NOT NULL,
      -- Last import that changed the draft.
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (sending_hei_id, omobility_id)
    );
    CREATE INDEX ewp_nominations_receiving ON ewp_nominations (receiving_hei_id, omobility_id);
  `,
};
