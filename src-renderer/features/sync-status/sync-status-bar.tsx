import { Button, Link } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { SyncStatusSlot } from '../../app/sync-status-slot';
import { useT } from '../../i18n/use-t';
import type { SyncNowResult } from '../../sync/start-replication';
import { leaveDemoMode } from '../session/demo-mode';
import { useSessionText } from '../session/session-text';
import { CONFLICTS_PATH, SYNC_PATH } from './sync-paths';
import { formatSyncTime } from './format-time';
import { useOpenIssues, useSyncControls, useSyncStatus, type SyncControls } from './sync-context';
import { useSyncText } from './sync-text';
import './sync-status.css';

/** How long "Sync now" waits for a complete exchange before it reports that it did not finish. */
const SYNC_NOW_TIMEOUT_MS = 15_000;

/** The status bar: live sync state when signed in; in demo mode, that nothing is synced. */
export function SyncStatusBar() {
  const controls = useSyncControls();
  return controls ? <LiveSyncStatus controls={controls} /> : <DemoStatus />;
}

function DemoStatus() {
  const text = useSessionText();
  return (
    <div className="sync-status-bar">
      <SyncStatusSlot />
      <Button variant="tertiary" data-size="sm" onClick={() => leaveDemoMode()}>
        {text.demo.signIn}
      </Button>
    </div>
  );
}

/**
 * Only what the replication itself reports: connection, last complete sync, unsynced changes,
 * first-sync progress, and the outcome of "Sync now" (never "done" after a timeout).
 */
function LiveSyncStatus({ controls }: { controls: SyncControls }) {
  const text = useSyncText();
  const t = useT();
  const status = useSyncStatus(controls);
  const issues = useOpenIssues(controls) ?? [];
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<SyncNowResult | null>(null);
  if (!status) return <SyncStatusSlot>{text.phases.starting}</SyncStatusSlot>;

  const syncNow = async () => {
    if (running) return;
    setRunning(true);
    setOutcome(null);
    try {
      setOutcome(await controls.handle.syncNow(SYNC_NOW_TIMEOUT_MS));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="sync-status-bar">
      <SyncStatusSlot>
        <dl className="sync-status-bar__facts">
          <div>
            <dt>{text.connection}</dt>
            <dd data-phase={status.phase}>{text.phases[status.phase]}</dd>
          </div>
          <div>
            <dt>{text.lastSync}</dt>
            <dd>{status.lastSuccessfulSync ? formatSyncTime(status.lastSuccessfulSync, t.locale) : text.never}</dd>
          </div>
          <div>
            <dt>{text.unsynced}</dt>
            <dd>{status.unsyncedCount}</dd>
          </div>
        </dl>
        {outcome && <p className="sync-status-bar__outcome">{outcome.ok ? text.syncOk : text.syncFailed(outcome.error.message)}</p>}
      </SyncStatusSlot>
      {status.firstSync && status.firstSync.total > 0 && (
        <div className="sync-status-bar__progress">
          <label htmlFor="first-sync-progress">{text.firstSync}</label>
          <progress
            id="first-sync-progress"
            max={status.firstSync.total}
            value={status.firstSync.received}
            aria-valuetext={text.firstSyncProgress(status.firstSync.received, status.firstSync.total)}
          />
          <span>{text.firstSyncProgress(status.firstSync.received, status.firstSync.total)}</span>
        </div>
      )}
      <div className="sync-status-bar__actions">
        {issues.length > 0 && (
          <Link asChild data-color="danger">
            <RouterLink to={CONFLICTS_PATH}>{text.inbox(issues.length)}</RouterLink>
          </Link>
        )}
        <Link asChild>
          <RouterLink to={SYNC_PATH}>{text.details}</RouterLink>
        </Link>
        <Button variant="secondary" data-size="sm" loading={running} onClick={() => void syncNow()}>
          {running ? text.syncingNow : text.syncNow}
        </Button>
      </div>
    </div>
  );
}
