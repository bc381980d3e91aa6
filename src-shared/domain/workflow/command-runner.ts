import { AppError } from '../../kernel/app-error';
import type { Command } from './command.schema';
import { commandExecutors, commandKindOf, type CommandKind, type CommandOfKind, type KindOn, type Side } from './command-executors';

/** Carries out one kind of command; `context` is what the caller has at hand (the step, the case). */
export type Port<K extends CommandKind, Context, Report> = (command: CommandOfKind[K], context: Context) => Promise<readonly Report[]> | readonly Report[];

/** One port per kind of command the side runs (see `commandExecutors`). */
export type Ports<S extends Side, Context, Report> = { [K in KindOn<S>]: Port<K, Context, Report> };

/** A command the other side runs: handed over, never dropped. */
export interface HandedOver {
  command: Command;
  kind: CommandKind;
  side: Side;
  via: string;
}

export interface RunResult<Report> {
  reports: Report[];
  handedOver: HandedOver[];
}

/**
 * Runs a step's commands in order: those of its side through its ports, the others reported as
 * handed over to the side that runs them. A command of its own side without a port is an error.
 */
export class CommandRunner<S extends Side, Context, Report> {
  constructor(
    readonly side: S,
    private readonly ports: Ports<S, Context, Report>,
  ) {}

  /** The kinds of command this runner has ports for. */
  get kinds(): CommandKind[] {
    return Object.keys(this.ports) as CommandKind[];
  }

  async run(commands: readonly Command[], context: Context): Promise<RunResult<Report>> {
    const result: RunResult<Report> = { reports: [], handedOver: [] };
    for (const command of commands) {
      const kind = commandKindOf(command);
      const { side, via } = commandExecutors[kind];
      if (side !== this.side) {
        result.handedOver.push({ command, kind, side, via });
        continue;
      }
      const port = (this.ports as Partial<Record<CommandKind, Port<CommandKind, Context, Report>>>)[kind];
      if (!port) throw new AppError('internal', `The ${this.side} has no port for ${kind} commands (${command.type} on case ${command.caseId})`);
      result.reports.push(...(await port(command as CommandOfKind[CommandKind], context)));
    }
    return result;
  }
}
