import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/**
 * The status bar's live region for sync state (role="status", polite). The sync feature renders
 * its state as `children`; until it does, the slot says that changes are kept locally.
 */
export function SyncStatusSlot({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <div role="status" aria-live="polite" aria-label={t.statusBar.label} className="sync-status-slot">
      {children ?? t.statusBar.notConfigured}
    </div>
  );
}
