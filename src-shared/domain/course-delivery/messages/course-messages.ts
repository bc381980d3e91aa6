import { z } from 'zod';
import { idSchema, isoTimestamp } from '../../case/case.schema';

/**
 * The e-mails a course sends its participants — the welcome letter with practical information,
 * video room and login, and the invitation to the evaluation — from texts the department head
 * keeps on the course. `{navn}` and the other placeholders are filled per participant.
 */
export const courseMessageKinds = ['welcome', 'evaluation'] as const;
export type CourseMessageKind = (typeof courseMessageKinds)[number];

export const messagePlaceholders = ['navn', 'kurs', 'kurskode', 'start', 'slutt', 'canvas', 'videorom', 'evalueringslenke'] as const;
export type MessagePlaceholder = (typeof messagePlaceholders)[number];

const placeholderPattern = /\{([a-zæøå]+)\}/g;

/** Placeholders in `text` that are not among `messagePlaceholders`. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!))].filter((name) => !(messagePlaceholders as readonly string[]).includes(name));
}

const withKnownPlaceholders = (text: z.ZodString) =>
  text.refine((value) => unknownPlaceholders(value).length === 0, {
    message: `Only these placeholders: ${messagePlaceholders.map((p) => `{${p}}`).join(', ')}`,
  });

export const messageTemplateSchema = z.object({
  subject: withKnownPlaceholders(z.string().trim().min(1).max(200)),
  body: withKnownPlaceholders(z.string().trim().min(1).max(8000)),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const courseMessagesSchema = z.object({
  welcome: messageTemplateSchema.optional(),
  evaluation: messageTemplateSchema.optional(),
  changedAt: isoTimestamp,
  changedBy: idSchema,
});
export type CourseMessages = z.infer<typeof courseMessagesSchema>;

/** The texts a course starts with, until the department head changes them. */
export const defaultCourseMessages: Record<CourseMessageKind, MessageTemplate> = {
  welcome: {
    subject: 'Velkommen til {kurs}',
    body: [
      'Hei {navn},',
      '',
      'Velkommen til {kurs} ({kurskode}). Kurset starter {start} og varer til {slutt}.',
      '',
      'Kursrommet i Canvas: {canvas}',
      'Samlingene holdes i videorommet: {videorom}',
      '',
      'Du logger inn i Canvas med e-postadressen du meldte deg på med. Har du spørsmål, svar på denne e-posten.',
    ].join('\n'),
  },
  evaluation: {
    subject: 'Hva synes du om {kurs}?',
    body: [
      'Hei {navn},',
      '',
      'Vi vil gjerne høre hva du synes om {kurs}. Evalueringen tar fem minutter:',
      '{evalueringslenke}',
      '',
      'Takk for at du svarer!',
    ].join('\n'),
  },
};

/** The course's text of a kind: the department head's, else the default. */
export const messageTemplateOf = (messages: CourseMessages | undefined, kind: CourseMessageKind): MessageTemplate =>
  messages?.[kind] ?? defaultCourseMessages[kind];

/** The template with its placeholders filled; a value not known yet is left as the placeholder. */
export function fillMessage(template: MessageTemplate, values: Partial<Record<MessagePlaceholder, string>>): MessageTemplate {
  const fill = (text: string) => text.replace(placeholderPattern, (whole, name: string) => values[name as MessagePlaceholder] ?? whole);
  return { subject: fill(template.subject), body: fill(template.body) };
}
