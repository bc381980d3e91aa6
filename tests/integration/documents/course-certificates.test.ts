import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  runCertificateBatch,
  type CertificateBatchDeps,
  type CertificateBatchInput,
  type CertificateMailer,
  type CertificateParticipant,
} from '../../../src-main/case-types/course-delivery/certificate-batch';
import { demoCourse, demoParticipants } from '../../../src-main/cli/course-demo-case';
import { certificateBatchInput, courseCommand } from '../../../src-main/cli/course-demo';
import type { ArchiveAdapter } from '../../../src-main/services/archive/archive-adapter';
import { openArchiveOutbox, type ArchiveOutbox } from '../../../src-main/services/archive/archive-outbox';
import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import { MAX_CERTIFICATE_TEXT } from '../../../src-shared/documents/course-certificate.schema';
import { createDocumentStore } from '../../../src-main/services/pdf/document-store';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { createDemoCertificates } from '../../../src-main/services/signing/demo-certificates';
import { createDocumentSigning, type DocumentSigning } from '../../../src-main/services/signing/document-signing.service';
import { createPkcs12Signer } from '../../../src-main/services/signing/pkcs12-signer';
import type { SignerBackend } from '../../../src-main/services/signing/signer-backend';
import { createMemoryEmailOutboxStore } from '../../../src-server/notifications/email-outbox-store';
import { createEmailOutbox, type EmailOutbox } from '../../../src-server/notifications/email-outbox';
import { createSmtpSender, type EmailSender } from '../../../src-server/notifications/smtp-sender';
import { mailHeader, pdfAttachment, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { pdfsig, pdfText, resourcesDir, withTempDir } from './tools';

const course = demoCourse();
const at = new Date('2026-12-21T09:00:00.000Z');
const graded = { ...course.start, details: { ...course.start.details, certificateText: { writtenAt: at.toISOString(), text: course.certificateText } } };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let signing: DocumentSigning;
let seal: SignerBackend;
let sealName: string;

beforeAll(() => {
  const certificates = createDemoCertificates({
    institution: course.institution.name,
    coordinator: course.consultant.name,
    student: 'Åse Ødegård',
    now: new Date(),
  });
  seal = createPkcs12Signer({ pkcs12: certificates.seal.pkcs12, password: async () => certificates.seal.password, label: 'seal' });
  sealName = certificates.seal.commonName;
  signing = createDocumentSigning({ renderer: createPdfRenderer({ resourcesDir, now: () => at }), location: 'Oslo', now: () => at });
});

describe('course certificate (kursbevis)', () => {
  it('is one sealed PDF/A page with the participant, the course, its extent and dates and the certificate text', async () => {
    const input = certificateBatchInput(course, graded, [], at);
    const { pdf, signatures } = await signing.sealCourseCertificate(
      {
        institution: input.institution,
        caseNumber: input.courseCase.caseNumber,
        date: input.date,
        participant: { name: 'Kjærsti Ødegård-Åsheim', birthDate: '1979-02-03' },
        course: input.course,
        certificateText: input.certificateText,
        issuedBy: input.issuedBy,
      },
      seal,
    );

    const text = await pdfText(pdf);
    expect(text.split('\f').filter((page) => page.trim() !== '')).toHaveLength(1);
    expect(text).toContain('Kursbevis');
    expect(text).toContain('Kjærsti Ødegård-Åsheim');
    expect(text).toContain('født 3. februar 1979');
    expect(text).toContain('EVU-VEI-H26 Veiledning av studenter i praksis');
    expect(text).toContain('10 studiepoeng (60 timer)');
    expect(text).toContain('5. oktober 2026 – 27. november 2026');
    expect(text.replace(/\s+/g, ' ')).toContain('Kurset gir kompetanse i å veilede sykepleierstudenter i praksis');
    expect(text).toContain('Per Hansen');

    expect(signatures).toEqual([{ signer: course.institution.name, signedAt: at.toISOString() }]);
    expect(await pdfsig(pdf)).toEqual([{ signer: sealName, valid: true, subFilter: 'ETSI.CAdES.detached', coversAll: true }]);
  });

  it('keeps the longest name, course name and certificate text the schema allows on the one page', async () => {
    const input = certificateBatchInput(course, graded, [], at);
    const pdf = await createPdfRenderer({ resourcesDir }).courseCertificate({
      institution: input.institution,
      caseNumber: input.courseCase.caseNumber,
      date: input.date,
      participant: { name: 'Kjærsti Ødegård-Åsheim '.repeat(9).slice(0, 200), birthDate: '1979-02-03' },
      course: { ...input.course, name: 'Veiledning av studenter i praksis '.repeat(7).slice(0, 200) },
      certificateText: 'Deltakeren kan veilede studenter i praksis. '.repeat(50).slice(0, MAX_CERTIFICATE_TEXT),
      issuedBy: input.issuedBy,
    });
    const pages = (await pdfText(pdf)).split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Kursbeviset er elektronisk utstedt og forseglet');
  });

  it('refuses a certificate without the course’s extent', async () => {
    const input = certificateBatchInput(course, graded, [], at);
    const { credits: _credits, hours: _hours, ...withoutExtent } = input.course;
    await expect(
      signing.sealCourseCertificate(
        {
          institution: input.institution,
          caseNumber: input.courseCase.caseNumber,
          date: input.date,
          participant: { name: 'Åse Ødegård', birthDate: '1979-02-03' },
          course: withoutExtent,
          certificateText: input.certificateText,
          issuedBy: input.issuedBy,
        },
        seal,
      ),
    ).rejects.toThrow(/credits or hours/);
  });
});

describe('certificate batch', () => {
  let smtp: SmtpStandIn;
  let sender: EmailSender;
  let mail: EmailOutbox;

  beforeEach(async () => {
    smtp = await startSmtpStandIn();
    sender = createSmtpSender({ host: '127.0.0.1', port: smtp.port, tls: 'none', from: 'Saksflyt <saksflyt@hho.example.no>' });
    mail = await createEmailOutbox({ store: createMemoryEmailOutboxStore(), sender, messageIdDomain: 'hho.example.no', now: () => at });
  });
  afterEach(async () => {
    sender.close();
    await smtp.close();
  });

  /** The e-mail port as the server's letters API does it: queued in the e-mail outbox under the delivery id. */
  const toOutbox: CertificateMailer = async (email) => {
    await mail.enqueue(
      {
        to: [email.to.email],
        cc: [],
        subject: email.subject,
        text: `Hei, ${email.to.name}.\n\nVedlagt er kursbeviset ditt.`,
        attachments: [{ filename: email.fileName, contentType: 'application/pdf', contentBase64: email.pdf.toString('base64') }],
      },
      email.id,
    );
  };

  /** An archive stand-in that records what it is given. */
  const recordingArchive = (archived: string[]): ArchiveAdapter => ({
    name: 'stand-in',
    archive: async (item) => {
      archived.push(item.record.documentId);
      return { reference: `2026/00107-${archived.length}`, details: {} };
    },
  });

  async function setUp(dir: string, archived: string[]) {
    const outbox = await openArchiveOutbox({ dir: join(dir, 'outbox'), adapters: [recordingArchive(archived)], now: () => at });
    const deps = (mailer: CertificateMailer): CertificateBatchDeps => ({
      signing,
      seal: async () => seal,
      store: createDocumentStore(join(dir, 'documents')),
      journalDir: join(dir, 'documents'),
      mailer,
      archive: { outbox, target: 'stand-in' },
      now: () => at,
    });
    return { outbox, deps };
  }

  async function expectExactlyOnce(input: CertificateBatchInput, dir: string, outbox: ArchiveOutbox, archived: string[]) {
    await mail.processDue();
    await outbox.processDue();
    const stored = (await readdir(join(dir, 'documents'))).filter((file) => file.endsWith('.pdf'));
    expect(stored).toHaveLength(input.participants.length);
    expect(smtp.received.map((received) => received.to).sort()).toEqual(input.participants.map((participant) => [participant.email]).sort());
    expect(new Set(archived).size).toBe(archived.length);
    expect(archived).toHaveLength(input.participants.length);
    for (const received of smtp.received) {
      const attachment = pdfAttachment(received.raw);
      const participant = input.participants.find((candidate) => candidate.email === received.to[0]);
      expect(await pdfText(attachment)).toContain(participant?.name);
      expect(await pdfsig(attachment)).toMatchObject([{ valid: true, coversAll: true }]);
    }
    expect(mailHeader(smtp.received[0]?.raw ?? '', 'Subject')).toBeTruthy();
  }

  it('files the certificate of a participant known by national ID on their folder, and of an outside participant in the course’s case folder', async () => {
    await withTempDir(async (dir) => {
      const records: ArchiveRecord[] = [];
      const capturing: ArchiveAdapter = {
        name: 'stand-in',
        archive: async (item) => {
          records.push(item.record);
          return { reference: `2026/00107-${records.length}`, details: {} };
        },
      };
      const outbox = await openArchiveOutbox({ dir: join(dir, 'outbox'), adapters: [capturing], now: () => at });
      const [student, outside] = demoParticipants(2) as [CertificateParticipant, CertificateParticipant];
      const { nationalId: _none, ...outsider } = outside;
      const documents = join(dir, 'documents');
      const deps = { signing, seal: async () => seal, store: createDocumentStore(documents), journalDir: documents, mailer: toOutbox, now: () => at };
      await runCertificateBatch({ ...deps, archive: { outbox, target: 'stand-in' } }, certificateBatchInput(course, graded, [student, outsider], at));
      await outbox.processDue();
      const filed = (name: string) => records.find((record) => record.title.endsWith(name))!;
      expect(filed(student.name)).toMatchObject({ student: { nationalId: student.nationalId }, recipients: [{ party: 'student', email: student.email }] });
      expect(filed(outsider.name)).toMatchObject({ folder: 'case', recipients: [{ party: 'external', email: outsider.email }] });
      expect(filed(outsider.name)).not.toHaveProperty('student');
    });
  });

  it('resumes after the e-mail port failed once and leaves exactly one certificate and one e-mail per participant', async () => {
    await withTempDir(async (dir) => {
      const archived: string[] = [];
      const { outbox, deps } = await setUp(dir, archived);
      const input = certificateBatchInput(course, graded, demoParticipants(7), at);
      let calls = 0;
      const failingOnce: CertificateMailer = async (email) => {
        calls += 1;
        if (calls === 3) throw new Error('The server could not be reached');
        await toOutbox(email);
      };
      const progress: number[] = [];

      await expect(runCertificateBatch(deps(failingOnce), input, { onProgress: ({ done }) => progress.push(done) })).rejects.toThrow(
        'The server could not be reached',
      );
      const finishedBefore = progress.length;
      expect(finishedBefore).toBeGreaterThanOrEqual(2);
      expect(finishedBefore).toBeLessThan(input.participants.length);

      const resumed = await runCertificateBatch(deps(failingOnce), input, {
        onProgress: ({ done, total }) => progress.push(done * 100 + total),
      });
      expect(resumed).toMatchObject({ total: 7, resumed: finishedBefore, issued: 7 - finishedBefore });
      expect(progress.slice(finishedBefore).at(-1)).toBe(7 * 100 + 7);
      // The failed participant's certificate was kept before the e-mail failed: the retry sends those very bytes.
      await mail.processDue();
      const emailed = smtp.received.map((received) => sha256(pdfAttachment(received.raw))).sort();
      expect(emailed).toEqual(resumed.documents.map((document) => document.sha256).sort());

      await expectExactlyOnce(input, dir, outbox, archived);

      // A third run finds everything done and sends nothing.
      const again = await runCertificateBatch(deps(failingOnce), input);
      expect(again).toMatchObject({ issued: 0, resumed: 7 });
      await mail.processDue();
      expect(smtp.received).toHaveLength(7);
      await outbox.stop();
    });
  });

  it('stops when aborted and finishes the rest when run again', async () => {
    await withTempDir(async (dir) => {
      const archived: string[] = [];
      const { outbox, deps } = await setUp(dir, archived);
      const input = certificateBatchInput(course, graded, demoParticipants(5), at);
      const abort = new AbortController();
      await expect(
        runCertificateBatch(deps(toOutbox), input, {
          signal: abort.signal,
          onProgress: ({ done }) => {
            if (done === 2) abort.abort();
          },
        }),
      ).rejects.toMatchObject({ name: 'AbortError' });

      const journal = JSON.parse(
        await readFile(join(dir, 'documents', `certificate-batch-${Buffer.from(course.start.id).toString('base64url')}.json`), 'utf8'),
      ) as {
        done: Record<string, unknown>;
      };
      const finished = Object.keys(journal.done).length;
      expect(finished).toBeGreaterThanOrEqual(2);
      expect(finished).toBeLessThan(5);

      const resumed = await runCertificateBatch(deps(toOutbox), input);
      expect(resumed).toMatchObject({ total: 5, resumed: finished, issued: 5 - finished });
      await expectExactlyOnce(input, dir, outbox, archived);
      await outbox.stop();
    });
  });

  it('refuses to resume with another certificate text', async () => {
    await withTempDir(async (dir) => {
      const { outbox, deps } = await setUp(dir, []);
      const input = certificateBatchInput(course, graded, demoParticipants(1), at);
      await runCertificateBatch(deps(toOutbox), input);
      await expect(runCertificateBatch(deps(toOutbox), { ...input, certificateText: 'En annen tekst.' })).rejects.toMatchObject({ kind: 'conflict' });
      await outbox.stop();
    });
  });
});

describe('npm run admin -- course demo', () => {
  it('walks the demo course and writes the signed contract, the pass list and the sealed certificates', async () => {
    await withTempDir(async (dir) => {
      const lines: string[] = [];
      expect(await courseCommand(['demo', '--out', dir, '--participants', '10'], (line) => lines.push(line))).toBe(0);
      expect(lines[0]).toBe(
        'Demo course: planned → contractSent → contractSigned → contractArchived → published → lmsReady → enrolled → inProgress → evaluated → graded → certificatesSent → closed',
      );
      expect(lines).toContain(`  wrote ${join(dir, 'contract.pdf')}`);
      const contract = await readFile(join(dir, 'contract.pdf'));
      expect(await pdfsig(contract)).toMatchObject([
        { valid: true, signer: 'Solveig Kræmer' },
        { valid: true, signer: 'Per Hansen', coversAll: true },
      ]);
      expect(await pdfText(contract)).toContain('Veiledning av studenter i praksis');
      expect(await readdir(join(dir, 'noark5', 'dokumenter'))).toContain('kontrakt-2026-00107-demo-course-0007-contract.pdf');

      const passList = await readFile(join(dir, 'bestattliste.csv'), 'utf8');
      expect(passList.trim().split('\r\n')).toHaveLength(11);
      expect(passList).toContain('participant-0001;Åse Ødegård;1965-01-01;deltaker0001@epost.example.no;Bestått');
      expect(passList).toContain(';Ikke bestått');

      const certificates = (await readdir(join(dir, 'certificates'))).sort();
      expect(certificates).toHaveLength(9);
      const first = await readFile(join(dir, 'certificates', certificates[0] ?? ''));
      expect(await pdfText(first)).toContain('Åse Ødegård');
      expect(await pdfsig(first)).toMatchObject([{ valid: true, coversAll: true }]);
      expect((await readdir(join(dir, 'noark5', 'dokumenter'))).filter((file) => file.startsWith('kursbevis-'))).toHaveLength(9);
    });
  });

  it('prints the usage for a wrong command line', async () => {
    const lines: string[] = [];
    expect(await courseCommand(['demo', '--participants', '3'], (line) => lines.push(line))).toBe(2);
    expect(await courseCommand(['demo', '--out', '/tmp/x', '--participants', 'many'], (line) => lines.push(line))).toBe(2);
    expect(lines).toEqual(Array(2).fill('Usage: npm run admin -- course demo --out DIR [--participants N]'));
  });
});
