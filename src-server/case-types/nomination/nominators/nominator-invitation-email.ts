import type { OutgoingEmail } from '../../../notifications/email.schema';

export type Language = 'nb' | 'en';

export type NominatorEmailInput = {
  to: string;
  name: string;
  partnerName: string;
  /** The text in this language comes first; the other follows. */
  language: Language;
} & (
  | { kind: 'invitation'; /** The invitation link. */ link: string; /** When the link stops working. */ expiresAt: Date }
  /** An account already in use only hears that it may now nominate for the partner too, and where to sign in. */
  | { kind: 'partner-added'; link: string }
);

const dateIn = (language: Language, at: Date) => at.toLocaleDateString(language === 'nb' ? 'nb-NO' : 'en-GB', { timeZone: 'Europe/Oslo', dateStyle: 'long' });

const texts: Record<Language, (input: NominatorEmailInput) => { subject: string; body: string }> = {
  nb: (input) =>
    input.kind === 'invitation'
      ? {
          subject: 'Invitasjon til Saksflyt-portalen',
          body: [
            `Hei ${input.name},`,
            `Du er invitert til å nominere studenter fra ${input.partnerName} i Saksflyt-portalen.`,
            `Åpne lenken, skriv inn denne e-postadressen og velg et passord (lenken virker én gang, til ${dateIn('nb', input.expiresAt)}):`,
            input.link,
            'Har du ikke ventet denne e-posten, kan du se bort fra den.',
          ].join('\n\n'),
        }
      : {
          subject: 'Du kan nominere for en ny partner i Saksflyt-portalen',
          body: [`Hei ${input.name},`, `Du kan nå også nominere studenter fra ${input.partnerName}. Logg inn som før:`, input.link].join('\n\n'),
        },
  en: (input) =>
    input.kind === 'invitation'
      ? {
          subject: 'Invitation to the Saksflyt portal',
          body: [
            `Dear ${input.name},`,
            `You are invited to nominate students from ${input.partnerName} in the Saksflyt portal.`,
            `Open the link, type this e-mail address and choose a password (the link works once, until ${dateIn('en', input.expiresAt)}):`,
            input.link,
            'If you did not expect this e-mail, you can ignore it.',
          ].join('\n\n'),
        }
      : {
          subject: 'You can nominate for another partner in the Saksflyt portal',
          body: [`Dear ${input.name},`, `You can now also nominate students from ${input.partnerName}. Sign in as before:`, input.link].join('\n\n'),
        },
};

/** The e-mail to a partner's nominator, in both languages (theirs first). */
export function nominatorEmail(input: NominatorEmailInput): OutgoingEmail {
  const order: Language[] = input.language === 'nb' ? ['nb', 'en'] : ['en', 'nb'];
  const [first, second] = order.map((language) => texts[language](input));
  return {
    to: [input.to],
    cc: [],
    subject: `${first!.subject} / ${second!.subject}`,
    text: `${first!.body}\n\n---\n\n${second!.body}\n`,
    attachments: [],
  };
}
