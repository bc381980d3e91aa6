import type { ArchiveRecord, StudentArchiveRecord } from '../../src-shared/documents/archive-record.schema';
import type { DecisionInput } from '../../src-shared/documents/decision.schema';
import type { Institution, Staff, Student } from '../../src-shared/documents/letter-parts.schema';
import type { ConcernReport } from '../../src-shared/domain/follow-up/follow-up.schema';
import type { ProtocolInput } from '../../src-shared/documents/protocol.schema';
import type { SummonsInput } from '../../src-shared/documents/summons.schema';
import type { Note } from '../../src-shared/domain/note/note.schema';

/**
 * A made-up follow-up case (every person and number is fictitious) used by
 * `npm run admin -- demo`, the document tests and the benchmarks.
 */
export interface DemoFollowUpCase {
  caseId: string;
  caseNumber: string;
  title: string;
  institution: Institution;
  student: Student & { id: string; givenName: string; familyName: string; nationalId: string };
  coordinator: Staff & { id: string; email: string };
  departmentHead: Staff & { email: string };
  rector: Staff & { email: string };
  concerns: ConcernReport[];
  notes: Note[];
  summons: SummonsInput;
  /** Protocol without the student's drawn signature; the signing flow adds it. */
  protocol: ProtocolInput;
  decision: DecisionInput;
}

export function demoFollowUpCase(): DemoFollowUpCase {
  const caseId = 'demo-case-0042';
  const caseNumber = '2026/00042';
  const institution: Institution = {
    name: 'Høgskolen for helse og omsorg',
    department: 'Avdeling for sykepleie',
    postalAddress: ['Postboks 123 Sentrum', '0101 Oslo'],
    email: 'postmottak@hho.example.no',
  };
  const student = {
    id: 'student-aase',
    name: 'Åse Ødegård',
    givenName: 'Åse',
    familyName: 'Ødegård',
    // A synthetic number (Skatteetaten's test series: month + 80), never a real person's.
    nationalId: '17859507158',
    studentNumber: '512345',
    email: 'aase.odegard@student.hho.example.no',
    postalAddress: ['Bjørkeveien 7', '0577 Oslo'],
  };
  const coordinator = { id: 'staff-kari', name: 'Kari Nordmann', title: 'Kullkoordinator', email: 'kari.nordmann@hho.example.no' };
  const departmentHead = { name: 'Per Hansen', title: 'Avdelingsleder', email: 'per.hansen@hho.example.no' };
  const rector = { name: 'Ingrid Solberg', title: 'Rektor', email: 'rektor@hho.example.no' };
  const concerns: ConcernReport[] = [
    {
      id: 'report-1',
      reportedBy: 'staff-lars',
      reporterName: 'Lars Øien',
      reportedAt: '2026-10-05T08:30:00.000Z',
      course: { code: 'SYK1001', name: 'Anatomi, fysiologi og biokjemi' },
      concerns: ['courseworkNotPassed', 'lowProgression'],
      description: 'To av fire arbeidskrav er ikke levert innen fristen.',
      coursework: [
        { title: 'Arbeidskrav 1', status: 'approved' },
        { title: 'Arbeidskrav 2', status: 'approved' },
        { title: 'Arbeidskrav 3', status: 'notSubmitted', due: '2026-09-25' },
        { title: 'Arbeidskrav 4', status: 'notSubmitted', due: '2026-10-02' },
      ],
    },
    {
      id: 'report-2',
      reportedBy: 'staff-marte',
      reporterName: 'Marte Kvæl',
      reportedAt: '2026-10-07T12:00:00.000Z',
      course: { code: 'SYK1002', name: 'Grunnleggende sykepleie' },
      concerns: ['missingParticipation'],
      description: 'Høyt fravær fra obligatorisk ferdighetstrening; grensen er 20 prosent.',
      coursework: [{ title: 'Ferdighetstrening', status: 'notApproved' }],
      absencePercent: 40,
    },
  ];
  const note = (id: string, createdAt: string, text: string, extra: Partial<Note> = {}): Note => ({
    id,
    caseId,
    authorId: coordinator.id,
    authorName: coordinator.name,
    createdAt,
    text,
    visibility: 'internal',
    ...extra,
  });
  const notes: Note[] = [
    note('note-1', '2026-10-20T09:05:00.000Z', 'Studenten forteller om deltidsjobb på kveldstid som gjør det vanskelig å møte til ferdighetstreningen.'),
    note('note-2', '2026-10-20T09:20:00.000Z', 'Vi gikk gjennom arbeidskravene i SYK1001. Studenten ønsker å levere de to som mangler.', {
      agreedMeasure: { text: 'Levere arbeidskrav 3 og 4 i SYK1001.', ownerName: student.name, due: '2026-11-15' },
    }),
    note('note-3', '2026-10-20T09:35:00.000Z', 'Studenten får tilbud om ekstra veiledning.', {
      agreedMeasure: { text: 'Avtale to veiledningstimer med faglærer.', ownerName: coordinator.name, due: '2026-11-01' },
    }),
    note('note-4', '2026-10-20T10:10:00.000Z', 'Studenten får tilbud om ekstra veiledning og ferdighetstrening på dagtid.', {
      correctsNoteId: 'note-3',
      agreedMeasure: { text: 'Avtale to veiledningstimer og ekstra ferdighetstrening på dagtid.', ownerName: coordinator.name, due: '2026-11-01' },
    }),
  ];
  const title = 'Oppfølging av studieprogresjon';
  return {
    caseId,
    caseNumber,
    title,
    institution,
    student,
    coordinator,
    departmentHead,
    rector,
    concerns,
    notes,
    summons: {
      institution,
      caseNumber,
      date: '2026-10-12',
      student,
      coordinator,
      meeting: {
        startsAt: '2026-10-20T09:00:00.000Z',
        durationMinutes: 45,
        place: 'Rom 214, Sykepleiebygget',
        videoLink: 'https://video.hho.example.no/rom/kari',
      },
      concerns,
      reason: 'Vi er bekymret for studieprogresjonen din dette semesteret og vil gjerne snakke med deg om hvordan vi kan hjelpe.',
    },
    protocol: {
      institution,
      caseNumber,
      date: '2026-10-20',
      student,
      coordinator,
      conversation: { heldAt: '2026-10-20T09:00:00.000Z', place: 'Rom 214, Sykepleiebygget', participants: [] },
      concerns,
      notes,
      sendTo: departmentHead,
    },
    decision: {
      institution,
      caseNumber,
      date: '2026-12-01',
      student,
      title: 'Tap av studierett',
      outcome:
        'Du mister studieretten ved bachelor i sykepleie fra 1. januar 2027, fordi du ikke har bestått ' +
        'obligatoriske studentarbeider og har for høyt fravær fra obligatorisk undervisning.',
      legalBasis: [
        'Lov om universiteter og høyskoler (universitets- og høyskoleloven) § 11-1',
        'Forskrift om studier og eksamen ved Høgskolen for helse og omsorg § 3-4 om tap av studierett',
      ],
      facts:
        'Du ble kalt inn til oppfølgingssamtale 12. oktober 2026. I samtalen 20. oktober avtalte vi at du skulle ' +
        'levere arbeidskrav 3 og 4 i SYK1001 innen 15. november 2026. Arbeidskravene er ikke levert, og fraværet ' +
        'fra ferdighetstreningen i SYK1002 er fortsatt over grensen på 20 prosent.',
      mainConsiderations:
        'Vi har lagt vekt på at du har fått tilbud om veiledning og ekstra ferdighetstrening, og at fristene ble avtalt ' +
        'med deg. Hensynet til pasientsikkerhet gjør at obligatorisk ferdighetstrening må være gjennomført før praksis.',
      appeal: {
        submitTo: 'Avdeling for sykepleie, Høgskolen for helse og omsorg',
        appealBody: 'Den sentrale klagenemnda ved høgskolen',
        howTo: 'Send klagen som brev eller e-post til postmottak@hho.example.no. Merk klagen med saksnummer 2026/00042.',
        receivedOn: '2026-12-04',
      },
      decidedBy: [departmentHead, rector],
      contact: coordinator,
      copyTo: [rector],
    },
  };
}

const ARCHIVED_KINDS = {
  summons: { title: 'Innkalling til oppfølgingssamtale', date: (demo: DemoFollowUpCase) => demo.summons.date },
  protocol: { title: 'Protokoll fra oppfølgingssamtale', date: (demo: DemoFollowUpCase) => demo.protocol.date },
  decision: { title: 'Vedtak – tap av studierett', date: (demo: DemoFollowUpCase) => demo.decision.date },
} as const;

/** The archive record of one of the demo case's documents, with the recipients the process prescribes. */
export function demoArchiveRecord(demo: DemoFollowUpCase, kind: keyof typeof ARCHIVED_KINDS, signedBy: string[]): StudentArchiveRecord {
  const student = { party: 'student', name: demo.student.name, email: demo.student.email } as const;
  const recipients: ArchiveRecord['recipients'] =
    kind === 'protocol'
      ? [
          { role: 'internalRecipient', party: 'staff', name: demo.departmentHead.name, email: demo.departmentHead.email },
          { role: 'copy', ...student },
        ]
      : kind === 'decision'
        ? [
            { role: 'recipient', ...student },
            { role: 'copy', party: 'staff', name: demo.rector.name, email: demo.rector.email },
          ]
        : [{ role: 'recipient', ...student }];
  return {
    documentId: `${demo.caseId}-${kind}`,
    kind,
    title: ARCHIVED_KINDS[kind].title,
    documentDate: ARCHIVED_KINDS[kind].date(demo),
    fileName: `${kind === 'decision' ? 'vedtak' : kind}-${demo.caseNumber.replace('/', '-')}.pdf`,
    createdBy: demo.coordinator.name,
    signedBy,
    case: {
      id: demo.caseId,
      caseNumber: demo.caseNumber,
      title: demo.title,
      institution: demo.institution.name,
      department: demo.institution.department,
      responsible: demo.coordinator.name,
      openedAt: '2026-10-08T08:00:00.000Z',
    },
    student: {
      nationalId: demo.student.nationalId,
      givenName: demo.student.givenName,
      familyName: demo.student.familyName,
      email: demo.student.email,
    },
    recipients,
  };
}
