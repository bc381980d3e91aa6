import { MAX_PAYLOAD_BYTES } from '../../src-shared/ipc/contract';

/** Test fixture shared by the IPC and HTTP transports: input that every channel must refuse. */
export const wrongInputs: [label: string, input: unknown][] = [
  ['a number', 42],
  ['a string', 'text'],
  ['an array', [1, 2]],
  ['null', null],
  ['a boolean', true],
  ['an object with unknown keys', { unexpected: { nested: 1 } }],
];

/** Per channel: objects of the right shape with wrongly typed or out-of-range fields. */
export const wrongFields: Record<string, unknown[]> = {
  'settings:update': [
    { language: 'de' },
    { serverUrl: 'ftp://example.org' },
    { serverUrl: 'javascript:alert(1)' },
    { syncIntervalMinutes: 0 },
    { syncIntervalMinutes: '5' },
    { idleLockMinutes: 1.5 },
  ],
  'log:write': [
    { level: 'fatal', message: 'x' },
    { level: 'info', message: 7 },
    { level: 'info', message: 'x'.repeat(4001) },
    { level: 'info', message: 'x', context: 'not a record' },
  ],
  'documents:preview': [
    { kind: 'letter', letter: {} },
    { kind: 'summons', summons: { caseNumber: '2026/1' } },
  ],
  'documents:issue-summons': [{ documentId: '', summons: {} }, { documentId: 'x'.repeat(65) }],
  'documents:sign-protocol': [{ documentId: 'doc-1', protocol: {}, studentCertificate: 'yes' }],
  'documents:seal-decision': [{ documentId: 'doc-1', decision: { legalBasis: [] } }],
  'documents:seal-approval-decision': [
    { documentId: 'doc-1', decision: { legalBasis: [] } },
    { documentId: '../doc', decision: {} },
    { documentId: 'doc-1', decision: { courses: [{ institutionCode: '216', code: 'RES-100', term: '2024 HØST', verdict: 'maybe', credits: -1 }] } },
  ],
  'documents:sign-contract': [
    { documentId: 'doc-1', contract: {}, teachingResourceCertificate: 'yes' },
    { documentId: 'doc-1', contract: { course: { code: 'EVU', sessions: 0 } }, teachingResourceCertificate: false },
  ],
  'documents:countersign-contract': [{ documentId: '../doc', contract: {}, teachingResourceSignedAt: 'yesterday' }],
  'documents:read': [{ documentId: '' }, { documentId: 42 }, { documentId: 'x'.repeat(65) }],
  'archive:enqueue': [
    { target: 'ftp', record: {} },
    { target: 'folder', record: { fileName: '../../etc/passwd' } },
  ],
  'archive:close-case': [
    { caseId: 'case-1', caseNumber: '2026/1', closedAt: 'yesterday', closedBy: 'X' },
    { caseId: '../x', caseNumber: '', closedAt: '2026-12-01T10:00:00.000Z', closedBy: '' },
  ],
  'archive:retry': [{ id: 'not-a-uuid' }, { id: 7 }],
  'course-delivery:certificates-start': [
    { caseId: 'course-1', batch: {} },
    { caseId: '../course', batch: { participants: [] } },
    { caseId: 'course-1', batch: { participants: [{ id: 'p-1', name: 'Åse', birthDate: '1979-02-30', email: 'not an address' }] }, archiveTarget: 'ftp' },
  ],
  'course-delivery:certificates-status': [{ caseId: '' }, { caseId: 42 }, { caseId: 'x'.repeat(65) }],
  'canvas:coursework': [{ courseId: '../admin' }, { courseId: 12 }, { courseId: 'sis_course_id:a/b' }],
};

/** Larger than any channel accepts, whatever its schema. */
export const oversizedInput = { level: 'info', message: 'x'.repeat(MAX_PAYLOAD_BYTES) };
