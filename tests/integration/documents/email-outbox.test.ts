import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { createMemoryEmailOutboxStore, type EmailOutboxStore } from '../../../src-server/notifications/email-outbox-store';
import { createEmailOutbox } from '../../../src-server/notifications/email-outbox';
import { decisionEmail, summonsEmail } from '../../../src-server/notifications/notification-letters';
import { createSmtpSender, type EmailSender } from '../../../src-server/notifications/smtp-sender';
import { pdfAttachment, startSmtpStandIn, type ReceivedMail, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { pdfText, resourcesDir } from './tools';

const demo = demoFollowUpCase();
let summonsPdf: Buffer;
let decisionPdf: Buffer;
let smtp: SmtpStandIn;
let received: ReceivedMail[];
let sender: EmailSender;
let clock: number;
const now = () => new Date(clock);

beforeAll(async () => {
  const renderer = createPdfRenderer({ resourcesDir });
  summonsPdf = await renderer.summons(demo.summons);
  decisionPdf = await renderer.decision(demo.decision);
});

beforeEach(async () => {
  clock = Date.UTC(2026, 9, 12, 8, 0, 0);
  smtp = await startSmtpStandIn();
  received = smtp.received;
  sender = createSmtpSender({ host: '127.0.0.1', port: smtp.port, tls: 'none', from: 'Saksflyt <saksflyt@hho.example.no>' });
});

afterEach(async () => {
  sender.close();
  await smtp.close();
});

const notice = (pdf: Buffer, filename: string) => ({
  institution: demo.institution.name,
  caseNumber: demo.caseNumber,
  sender: { name: demo.coordinator.name, title: demo.coordinator.title, email: demo.coordinator.email },
  pdf: { filename, bytes: pdf },
});

async function outbox(store: EmailOutboxStore = createMemoryEmailOutboxStore()) {
  return {
    store,
    outbox: await createEmailOutbox({ store, sender, messageIdDomain: 'hho.example.no', now, backoff: { baseMs: 60_000, maxMs: 600_000, maxAttempts: 4 } }),
  };
}

describe('e-mail outbox over SMTP (smtp-server on loopback)', () => {
  it('delivers the summons to the student and the decision to the student with a copy to the rector, PDFs attached', async () => {
    const { store, outbox: mail } = await outbox();
    const summons = await mail.enqueue(summonsEmail(notice(summonsPdf, 'innkalling.pdf'), { name: demo.student.name, email: demo.student.email }));
    await mail.enqueue(
      decisionEmail(
        notice(decisionPdf, 'vedtak.pdf'),
        { name: demo.student.name, email: demo.student.email },
        { name: demo.rector.name, email: demo.rector.email },
      ),
    );
    expect(await mail.processDue()).toBe(2);

    expect(received.map((mailItem) => mailItem.to)).toEqual([[demo.student.email], [demo.student.email, demo.rector.email]]);
    expect(received[0]?.from).toBe('saksflyt@hho.example.no');
    expect(received[0]?.raw).toContain(`Message-ID: <${summons.id}@hho.example.no>`);
    expect(received[1]?.raw).toMatch(/^Cc: rektor@hho\.example\.no$/m);
    expect(pdfAttachment(received[0]?.raw ?? '').equals(summonsPdf)).toBe(true);
    const decisionAttachment = pdfAttachment(received[1]?.raw ?? '');
    expect(decisionAttachment.equals(decisionPdf)).toBe(true);
    expect(await pdfText(decisionAttachment)).toContain('Du har rett til å klage på vedtaket');

    expect(await store.get(summons.id)).toMatchObject({ status: 'sent', attempts: 1, messageId: `<${summons.id}@hho.example.no>` });
  });

  it('keeps a message queued and retries with backoff while the mail server answers 4xx', async () => {
    const { store, outbox: mail } = await outbox();
    smtp.refuseNext(451, 451);
    const message = await mail.enqueue(summonsEmail(notice(summonsPdf, 'innkalling.pdf'), { name: demo.student.name, email: demo.student.email }));
    await mail.processDue();
    expect(await store.get(message.id)).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: new Date(clock + 60_000).toISOString() });
    expect((await store.get(message.id))?.lastError).toContain('451');
    clock += 60_000;
    await mail.processDue();
    expect(await store.get(message.id)).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: new Date(clock + 120_000).toISOString() });
    clock += 120_000;
    await mail.processDue();
    expect(await store.get(message.id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(received).toHaveLength(1);
  });

  it('gives up on a permanent 5xx refusal, rejects invalid messages, and resends what a stopped server left mid-send', async () => {
    const store = createMemoryEmailOutboxStore();
    const { outbox: mail } = await outbox(store);
    smtp.refuseNext(550);
    const refused = await mail.enqueue(summonsEmail(notice(summonsPdf, 'innkalling.pdf'), { name: 'X', email: 'nobody@hho.example.no' }));
    await mail.processDue();
    expect(await store.get(refused.id)).toMatchObject({ status: 'failed', attempts: 1 });

    await expect(mail.enqueue({ to: ['not an address'], cc: [], subject: 's', text: 't', attachments: [] })).rejects.toMatchObject({
      kind: 'validation',
    });

    smtp.refuseNext(550); // the student's address is refused, the rector's copy goes through
    const partial = await mail.enqueue(
      decisionEmail(
        notice(decisionPdf, 'vedtak.pdf'),
        { name: demo.student.name, email: demo.student.email },
        { name: demo.rector.name, email: demo.rector.email },
      ),
    );
    await mail.processDue();
    expect(await store.get(partial.id)).toMatchObject({ status: 'failed', lastError: `Refused by the mail server: ${demo.student.email}` });
    expect(received.at(-1)?.to).toEqual([demo.rector.email]);

    const interrupted = await mail.enqueue(summonsEmail(notice(summonsPdf, 'innkalling.pdf'), { name: demo.student.name, email: demo.student.email }));
    await store.update(interrupted.id, { status: 'sending', attempts: 1 });
    const { outbox: restarted } = await outbox(store);
    await restarted.processDue();
    expect(await store.get(interrupted.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends in the background once started', async () => {
    const { store, outbox: mail } = await outbox();
    clock = Date.now();
    const message = await mail.enqueue(summonsEmail(notice(summonsPdf, 'innkalling.pdf'), { name: demo.student.name, email: demo.student.email }));
    mail.start(20);
    await vi.waitFor(async () => expect((await store.get(message.id))?.status).toBe('sent'), { timeout: 10_000, interval: 20 });
    await mail.stop();
    expect(received).toHaveLength(1);
  });
});
