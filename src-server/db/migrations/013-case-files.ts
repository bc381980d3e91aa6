import type { Migration } from '../migrations';

/** A case's kept PDFs, so another laptop can read and countersign them (src-server/case-files). */
export const caseFilesMigration: Migration = {
  id: '013-case-files',
  sql: `
    -- One row per document id, written once; replaced only by an incremental revision of its
    -- bytes (a countersignature), which keeps what was signed before byte for byte.
    CREATE TABLE case_files (
      document_id text PRIMARY KEY,
      case_id text NOT NULL,
      sha256 text NOT NULL,
      size integer NOT NULL,
      pdf bytea NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL
    );
    CREATE INDEX case_files_case ON case_files (case_id);
  `,
};
