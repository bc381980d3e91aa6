import type { LetterKind } from '../../notifications/letter.schema';
import type { Command } from './command.schema';

/**
 * Who carries out each kind of workflow command, and through what. Every command a workflow
 * returns has exactly one executor: the laptop (main process and renderer, in the step or through
 * an outbox) or the central server (when it accepts the pushed step). `notify` splits in two: a
 * letter with a PDF is issued on the laptop, a notice without one is written by the server.
 */
export const commandKinds = ['renderDocument', 'requestSignature', 'archive', 'closeCaseFolder', 'createTask', 'letter', 'notice', 'callIntegration'] as const;
export type CommandKind = (typeof commandKinds)[number];

export const sides = ['laptop', 'server'] as const;
export type Side = (typeof sides)[number];

export interface CommandExecutor {
  side: Side;
  /** The step, outbox or queue the command goes through. */
  via: string;
}

export const commandExecutors = {
  renderDocument: { side: 'laptop', via: 'the step: the main process renders the PDF before the case is saved' },
  requestSignature: { side: 'laptop', via: 'the step: signed on the screen or with a certificate in the main process' },
  archive: { side: 'laptop', via: "the main process's archive outbox" },
  closeCaseFolder: { side: 'laptop', via: "the main process's archive outbox (the archives that keep a folder per case)" },
  createTask: { side: 'laptop', via: 'the local replica (synced to the server)' },
  letter: { side: 'laptop', via: "the main process's outbox → the server's letters endpoint → its e-mail outbox" },
  notice: { side: 'server', via: "the server's e-mail outbox, when it accepts the pushed step" },
  callIntegration: { side: 'server', via: "the server's job queue, when it accepts the pushed step" },
} as const satisfies Readonly<Record<CommandKind, CommandExecutor>>;

type Notify = Extract<Command, { type: 'notify' }>;

/** The command of each kind, typed. */
export interface CommandOfKind {
  renderDocument: Extract<Command, { type: 'renderDocument' }>;
  requestSignature: Extract<Command, { type: 'requestSignature' }>;
  archive: Extract<Command, { type: 'archive' }>;
  closeCaseFolder: Extract<Command, { type: 'closeCaseFolder' }>;
  createTask: Extract<Command, { type: 'createTask' }>;
  letter: Notify & { letter: LetterKind };
  notice: Notify;
  callIntegration: Extract<Command, { type: 'callIntegration' }>;
}

export function commandKindOf(command: Command): CommandKind {
  if (command.type !== 'notify') return command.type;
  return command.letter ? 'letter' : 'notice';
}

/** The kinds of command one side runs. */
export type KindOn<S extends Side> = { [K in CommandKind]: (typeof commandExecutors)[K]['side'] extends S ? K : never }[CommandKind];

export const kindsOn = (side: Side): CommandKind[] => commandKinds.filter((kind) => commandExecutors[kind].side === side);
