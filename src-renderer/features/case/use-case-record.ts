import { useMemo } from 'react';
import { of } from 'rxjs';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';

/**
 * Everything the case page shows, each part a live query: the case, the person it concerns,
 * its notes (newest first), tasks (by due date) and documents. `caseDoc` is null when no such case.
 */
export function useCaseRecord(id: string) {
  const db = useDatabase();
  const case$ = useMemo(() => db.cases.findOne(id).$, [db, id]);
  const caseDoc = useObservable(case$);
  const personId = caseDoc?.subjectPersonId ?? '';
  const person$ = useMemo(() => (personId ? db.people.findOne(personId).$ : of(null)), [db, personId]);
  const notes$ = useMemo(() => db.notes.find({ selector: { caseId: id }, sort: [{ createdAt: 'desc' }] }).$, [db, id]);
  const tasks$ = useMemo(() => db.tasks.find({ selector: { caseId: id } }).$, [db, id]);
  const documents$ = useMemo(() => db.documents.find({ selector: { caseId: id } }).$, [db, id]);
  return {
    caseDoc,
    person: useObservable(person$),
    notes: useObservable(notes$),
    tasks: useObservable(tasks$),
    documents: useObservable(documents$),
  };
}
