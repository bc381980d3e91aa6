import { Link } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { map, of, switchMap, type Observable } from 'rxjs';
import { useDatabase } from '../../app/providers';
import type { SaksflytDatabase } from '../../db/database';
import { useObservable } from '../../db/use-observable';
import { useSyncText } from './sync-text';

interface Label {
  caseId: string | null;
  caseText: string | null;
}

/** The case a replicated document belongs to (itself for a case), read live from the replica. */
function caseLabel$(db: SaksflytDatabase, collection: string, id: string): Observable<Label> {
  const caseText = (caseId: string) =>
    db.cases.findOne(caseId).$.pipe(map((found) => ({ caseId, caseText: found ? `${found.caseNumber} ${found.title}` : null })));
  switch (collection) {
    case 'cases':
      return caseText(id);
    case 'notes':
    case 'tasks':
    case 'documents': {
      const owner$: Observable<{ caseId: string } | null> = db[collection].findOne(id).$;
      return owner$.pipe(switchMap((doc) => (doc ? caseText(doc.caseId) : of({ caseId: null, caseText: null }))));
    }
    default:
      return of({ caseId: null, caseText: null });
  }
}

/** "Sak 2026/00042 Oppfølging …" (linked to the case), or the kind and id when the case is unknown here. */
export function DocumentLabel({ collection, id }: { collection: string; id: string }) {
  const text = useSyncText();
  const db = useDatabase();
  const label$ = useMemo(() => caseLabel$(db, collection, id), [db, collection, id]);
  const label = useObservable(label$);
  const kind = text.collections[collection] ?? collection;
  if (!label?.caseText || !label.caseId) return <span>{`${kind} ${id}`}</span>;
  return (
    <span>
      {collection === 'cases' ? '' : `${kind} – `}
      <Link asChild>
        <RouterLink to={`/cases/${encodeURIComponent(label.caseId)}`}>{label.caseText}</RouterLink>
      </Link>
    </span>
  );
}
