import { useMemo } from 'react';
import { of } from 'rxjs';
import type { ApprovalCase } from '../../../src-shared/domain/approval';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';

/**
 * The approval case, its student and its documents as live queries of the local replica: the server's answers to
 * a fetch show as they sync in. `caseDoc` is undefined while loading, null when no approval case has the id.
 */
export function useApprovalCase(id: string): {
  caseDoc: ApprovalCase | null | undefined;
  student: Person | null | undefined;
  documents: CaseDocument[] | undefined;
} {
  const db = useDatabase();
  const case$ = useMemo(() => db.cases.findOne(id).$, [db, id]);
  const found = useObservable(case$);
  const caseDoc = useMemo(
    () => (found === undefined ? undefined : found && found.type === 'approval' ? (found.toJSON() as Case as ApprovalCase) : null),
    [found],
  );
  const personId = caseDoc?.subjectPersonId ?? '';
  const person$ = useMemo(() => (personId ? db.people.findOne(personId).$ : of(null)), [db, personId]);
  const person = useObservable(person$);
  const student = useMemo(() => (person === undefined ? undefined : person ? (person.toJSON() as Person) : null), [person]);
  const documents$ = useMemo(() => db.documents.find({ selector: { caseId: id } }).$, [db, id]);
  const stored = useObservable(documents$);
  const documents = useMemo(() => stored?.map((doc) => doc.toJSON() as CaseDocument), [stored]);
  return { caseDoc, student, documents };
}
