import { z } from 'zod';
import { roles } from '../access/roles';
import { idSchema, isoDate } from '../case/case.schema';
import { documentKinds } from '../document/document.schema';
import { letterKinds } from '../../notifications/letter.schema';

/**
 * Who a command addresses. A `role` recipient is resolved by the service against the case's
 * scope (e.g. the head of the case's department).
 */
export const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: idSchema }),
  z.object({ kind: z.literal('user'), userId: idSchema }),
  z.object({ kind: z.literal('role'), role: z.enum(roles) }),
]);
export type Recipient = z.infer<typeof recipientSchema>;

export const integrationSystems = ['fs', 'p360', 'canvas', 'zoom', 'exledger', 'ewp', 'alp', 'web'] as const;

/**
 * What a workflow transition asks the services to do. Commands are data: the workflow never
 * performs I/O; the main process and the server run them (with their own outboxes and retries).
 */
export const commandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('renderDocument'),
    caseId: idSchema,
    document: z.enum(documentKinds),
    template: z.string().min(1).max(100),
  }),
  z.object({
    type: z.literal('requestSignature'),
    caseId: idSchema,
    document: z.enum(documentKinds),
    signer: recipientSchema,
    /** onScreen: signature pad; pades: the signer's certificate; seal: the institution's seal. */
    method: z.enum(['onScreen', 'pades', 'seal']),
  }),
  z.object({
    type: z.literal('archive'),
    caseId: idSchema,
    document: z.enum(documentKinds),
    /** student: the student's folder in the archive; case: the case's own folder. */
    folder: z.enum(['student', 'case']),
  }),
  /** The case has ended (closed or withdrawn): archives that keep a folder per case close it. */
  z.object({
    type: z.literal('closeCaseFolder'),
    caseId: idSchema,
  }),
  z.object({
    type: z.literal('notify'),
    caseId: idSchema,
    to: recipientSchema,
    copyTo: z.array(recipientSchema).max(20),
    template: z.string().min(1).max(100),
    /** The letter (PDF) the e-mail carries, issued on the laptop; without it the e-mail is a notice the server writes. */
    letter: z.enum(letterKinds).optional(),
  }),
  z.object({
    type: z.literal('createTask'),
    caseId: idSchema,
    title: z.string().min(1).max(300),
    assignee: recipientSchema,
    due: isoDate,
  }),
  z.object({
    type: z.literal('callIntegration'),
    caseId: idSchema,
    system: z.enum(integrationSystems),
    operation: z.string().min(1).max(100),
    notBefore: isoDate.optional(),
  }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
