import { useMemo } from 'react';
import { of } from 'rxjs';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { FollowUpCase } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import type { Note } from '../../../src-shared/domain/note/note.schema';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';

export interface FollowUpRecord {
  /** undefined while loading, null when there is no follow-up case with this id. */
  caseDoc: FollowUpCase | null | undefined;
  student: Person | null | undefined;
  /** Oldest first: the order they were written in. */
  notes: Note[] | undefined;
  documents: CaseDocument[] | undefined;
}

/** The case, its student, notes and documents as live queries of the local replica. */
export function useFollowUpCase(id: string): FollowUpRecord {
  const db = useDatabase();
  const case$ = useMemo(() => db.cases.findOne(id).$, [db, id]);
  const found = useObservable(case$);
  const caseDoc = useMemo(
    () => (found === undefined ? undefined : found && found.type === 'followUp' ? (found.toJSON() as Case as FollowUpCase) : null),
    [found],
  );
  const personId = caseDoc?.subjectPersonId ?? '';
  const person$ = useMemo(() => (personId ? db.people.findOne(personId).$ : of(null)), [db, personId]);
  const person = useObservable(person$);
  const notes$ = useMemo(() => db.notes.find({ selector: { caseId: id }, sort: [{ createdAt: 'asc' }] }).$, [db, id]);
  const notes = useObservable(notes$);
  const documents$ = useMemo(() => db.documents.find({ selector: { caseId: id } }).$, [db, id]);
  const documents = useObservable(documents$);
  const student = useMemo(() => (person === undefined ? undefined : person ? (person.toJSON() as Person) : null), [person]);
  return {
    caseDoc,
    student,
    notes: useMemo(() => notes?.map((note) => note.toJSON() as Note), [notes]),
    documents: useMemo(() => documents?.map((document) => document.toJSON() as CaseDocument), [documents]),
  };
}
