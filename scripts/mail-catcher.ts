/**
 * `npm start` runs this beside the central server (SMTP_URL points at it, unless you set your own):
 * the tests' SMTP stand-in on MAIL_PORT (default 4320). Every message the server sends — letters,
 * notices, applicants' and nominators' invitation links — is written to MAIL_DIR (default
 * .data/mail) as an .eml file, and one line per message (recipients, subject, any portal link) is
 * printed, so the demo's e-mailed links can be followed without a mail server.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mailHeader, mailText, startSmtpStandIn } from '../tests/stand-ins/smtp-server';

const port = Number(process.env.MAIL_PORT || 4320);
const dir = process.env.MAIL_DIR || '.data/mail';
mkdirSync(dir, { recursive: true });
let count = 0;
const standIn = await startSmtpStandIn({
  port,
  onMail(mail) {
    count += 1;
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`);
    writeFileSync(file, mail.raw);
    const link = /https?:\/\/\S+\/portal\/#\/\S+/.exec(mailText(mail.raw))?.[0];
    console.log(`[mail] to ${mail.to.join(', ')}: ${mailHeader(mail.raw, 'subject') ?? '(no subject)'}${link ? ` — ${link}` : ''} (${file})`);
  },
});
console.log(`Mail catcher listening on ${standIn.url}; messages in ${dir}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void standIn.close().then(() => process.exit(0)));
