/**
 * Course delivery figures (main process, demo seal certificate, RSA-2048):
 *   course.certificates-500.seconds  one certificate batch of 500 passed participants: each
 *                                    certificate rendered (PDF/A), sealed, kept in the document
 *                                    store, its e-mail queued (in memory) and the batch journal
 *                                    saved. No archive is configured. Goal ≤ 10.
 *   course.timeline-200-courses.ms   the department head's "Mine kurs" with 200 running courses (a row
 *                                    and a checklist timeline each), rendered in Debian's Chromium after
 *                                    the first sync from a real server (bench/course-timeline.ts). Goal ≤ 300.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Emit } from '../scripts/bench';
import { COURSES, timelineOverviewMs } from './course-timeline';
import { runCertificateBatch, type CertificateEmail } from '../src-main/case-types/course-delivery/certificate-batch';
import { demoCourse, demoParticipants } from '../src-main/cli/course-demo-case';
import { certificateBatchInput } from '../src-main/cli/course-demo';
import { createDocumentStore } from '../src-main/services/pdf/document-store';
import { createPdfRenderer } from '../src-main/services/pdf/pdf-renderer';
import { createDemoCertificates } from '../src-main/services/signing/demo-certificates';
import { createDocumentSigning } from '../src-main/services/signing/document-signing.service';
import { createPkcs12Signer } from '../src-main/services/signing/pkcs12-signer';

const CERTIFICATES = 500;

export async function run(emit: Emit): Promise<void> {
  const course = demoCourse();
  const certificates = createDemoCertificates({
    institution: course.institution.name,
    coordinator: course.consultant.name,
    student: 'Åse Ødegård',
    now: new Date(),
  });
  const seal = createPkcs12Signer({ pkcs12: certificates.seal.pkcs12, password: async () => certificates.seal.password, label: 'seal' });
  const signing = createDocumentSigning({ renderer: createPdfRenderer({ resourcesDir: resolve(import.meta.dirname, '..', 'resources') }), location: 'Oslo' });
  const at = new Date('2026-12-21T09:00:00.000Z');
  const state = { ...course.start, details: { ...course.start.details, certificateText: { writtenAt: at.toISOString(), text: course.certificateText } } };

  const dir = await mkdtemp(join(tmpdir(), 'saksflyt-bench-course-'));
  try {
    const queued: CertificateEmail[] = [];
    const input = certificateBatchInput(course, state, demoParticipants(CERTIFICATES), at);
    const batch = (courseId: string, participants: number, folder: string) =>
      runCertificateBatch(
        {
          signing,
          seal: async () => seal,
          store: createDocumentStore(join(dir, folder)),
          journalDir: join(dir, folder),
          mailer: async (email) => {
            queued.push(email);
          },
        },
        { ...input, courseCase: { ...input.courseCase, id: courseId }, participants: input.participants.slice(0, participants) },
      );

    await batch('warm-up', 5, 'warm-up'); // fonts parsed, key unlocked: not counted
    queued.length = 0;
    const started = performance.now();
    const result = await batch(course.start.id, CERTIFICATES, 'documents');
    const seconds = (performance.now() - started) / 1000;
    if (result.issued !== CERTIFICATES || queued.length !== CERTIFICATES)
      throw new Error(`issued ${result.issued}, queued ${queued.length} of ${CERTIFICATES}`);
    emit('course.certificates-500.seconds', seconds, 's');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const timeline = await timelineOverviewMs();
  emit('course.timeline-200-courses.ms', timeline.ms, `ms (Chromium, ${COURSES} courses, ${timeline.engine})`);
}
