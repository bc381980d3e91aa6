import { describe, expect, it } from 'vitest';
import { archiveRecordSchema } from '../../../src-shared/documents/archive-record.schema';
import { decisionInputSchema } from '../../../src-shared/documents/decision.schema';
import { protocolInputSchema } from '../../../src-shared/documents/protocol.schema';
import { summonsInputSchema } from '../../../src-shared/documents/summons.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import { followUpWorkflow, type FollowUpCase } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import type { Note } from '../../../src-shared/domain/note/note.schema';
import { DEMO_NOW, demoOrganisation, demoStaffMembers } from '../../../dev/demo-data';
import { organisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import { followUpEvents, followUpStart, followUpStudent, walk } from '../../../dev/testing/fixtures';
import { archiveRecord, decisionInput, protocolInput, summonsInput, type FollowUpContext } from './document-inputs';
import { defaultAppeal } from '../case/letter-parts';
import { staffDirectory } from '../case/staff-directory';

const student = followUpStudent();
const note = (id: string, createdAt: string, text: string, extra: Partial<Note> = {}): Note => ({
  id,
  caseId: 'followUp-case-1',
  authorId: 'u-kullkoord-helse',
  authorName: 'Ragnhild Sæther',
  createdAt,
  text,
  visibility: 'internal',
  ...extra,
});
const notes = [note('n2', '2026-09-05T10:20:00.000Z', 'Andre notat'), note('n1', '2026-09-05T10:10:00.000Z', 'Første notat')];

const states = walk(followUpWorkflow, followUpStart(), [
  ['cohortCoordinator', followUpEvents.open],
  ['cohortCoordinator', followUpEvents.summon],
  ['cohortCoordinator', followUpEvents.holdConversation],
  ['cohortCoordinator', followUpEvents.draftProtocol],
]);
const at = (status: FollowUpCase['status']) => states.find((s) => s.status === status)!;
const organisation = organisationIndex(demoOrganisation(new Date(DEMO_NOW)));
const ctx = (caseDoc: FollowUpCase): FollowUpContext => ({
  caseDoc,
  student,
  notes,
  staff: staffDirectory(demoStaffMembers(DEMO_NOW)),
  organisation,
  today: '2026-09-10',
});

describe('document inputs from the case', () => {
  it('builds a summons the shared schema accepts, with a video link for a video meeting', () => {
    const summoned = at('summoned');
    const inPerson = summonsInputSchema.parse(summonsInput(ctx(summoned)));
    expect(inPerson).toMatchObject({
      caseNumber: summoned.caseNumber,
      date: '2026-09-10',
      student: { name: 'Åse Ødegård', email: student.email },
      coordinator: { name: 'Ragnhild Sæther', title: 'Kullkoordinator' },
      meeting: { startsAt: summoned.details.summons!.meetingAt, place: summoned.details.summons!.location },
      concerns: summoned.details.reports,
    });
    const video = {
      ...summoned,
      details: { ...summoned.details, summons: { ...summoned.details.summons!, mode: 'video' as const, location: 'https://hifj.example/zoom/123' } },
    };
    expect(summonsInputSchema.parse(summonsInput(ctx(video))).meeting).toMatchObject({ place: '', videoLink: 'https://hifj.example/zoom/123' });
  });

  it('builds the protocol from the conversation and every note in writing order, for the head of department', () => {
    const drafted = at('protocolDrafted');
    const signature = { pngBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAE=', signedAt: '2026-09-10T09:00:00.000Z' };
    const input = protocolInputSchema.parse(protocolInput(ctx(drafted), signature));
    expect(input.notes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(input.sendTo).toEqual({ name: 'Kjersti Haugland', title: 'Avdelingsleder' });
    expect(input.conversation.heldAt).toBe(drafted.details.conversation!.heldAt);
    expect(input.studentSignature).toEqual(signature);
    // The student and the coordinator are parties, not "others present".
    expect(input.conversation.participants.map((p) => p.name)).not.toContain('Åse Ødegård');
    expect(() => protocolInput(ctx(at('summoned')))).toThrow(expect.objectContaining({ kind: 'precondition' }));
  });

  it('builds a decision letter naming those who decided, the coordinator as contact and the rector as copy', () => {
    const input = decisionInputSchema.parse(
      decisionInput(
        ctx(at('protocolDrafted')),
        {
          title: 'Vedtak',
          outcome: 'Du kan fortsette.',
          legalBasis: ['uhl. § 11-1'],
          facts: 'Fakta.',
          mainConsiderations: 'Hensyn.',
          appeal: { ...defaultAppeal(organisation, at('protocolDrafted')), receivedOn: '2026-09-10' },
        },
        ['u-avdleder-helse', 'u-rektor'],
      ),
    );
    expect(input.decidedBy.map((staff) => staff.name)).toEqual(['Kjersti Haugland', 'Torunn Bakke-Ødegård']);
    expect(input.contact.name).toBe('Ragnhild Sæther');
    expect(input.copyTo).toEqual([{ name: 'Torunn Bakke-Ødegård', title: 'Rektor' }]);
    expect(input.appeal.howTo).toContain(at('protocolDrafted').caseNumber);
  });

  it('files the protocol for the head of department with a copy to the student, and a decision to the student with a copy to the rector', () => {
    const drafted = at('protocolDrafted');
    const document = (kind: CaseDocument['kind']): CaseDocument => ({
      id: `${drafted.id}-${kind}`,
      caseId: drafted.id,
      kind,
      title: kind === 'protocol' ? 'Protokoll fra oppfølgingssamtale' : 'Vedtak',
      sha256: 'a'.repeat(64),
      signatures: [{ signer: 'Åse Ødegård', signedAt: '2026-09-10T09:00:00.000Z' }],
      archiveState: 'not-archived',
      archiveReference: '',
      createdAt: '2026-09-10T09:05:00.000Z',
      createdBy: 'u-kullkoord-helse',
    });
    const protocol = archiveRecordSchema.parse(archiveRecord(ctx(drafted), document('protocol')));
    expect(protocol.recipients.map((r) => [r.role, r.name])).toEqual([
      ['internalRecipient', 'Kjersti Haugland'],
      ['copy', 'Åse Ødegård'],
    ]);
    expect(protocol).toMatchObject({
      fileName: 'protocol-2026-00001.pdf',
      createdBy: 'Ragnhild Sæther',
      signedBy: ['Åse Ødegård'],
      student: { nationalId: student.nationalId },
    });
    const decision = archiveRecordSchema.parse(archiveRecord(ctx(drafted), document('decision')));
    expect(decision.recipients.map((r) => [r.role, r.party])).toEqual([
      ['recipient', 'student'],
      ['copy', 'staff'],
    ]);
    expect(decision.fileName).toBe('vedtak-2026-00001.pdf');
  });
});
