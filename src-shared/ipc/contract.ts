import type { z } from 'zod';

/**
 * One IPC channel: its name and the zod schemas of what goes in and what comes out.
 * The same contract is served by `ipcMain` in Electron and by the browser host over HTTP.
 */
export interface ChannelContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly channel: string;
  readonly input: I;
  readonly output: O;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(channel: string, input: I, output: O): ChannelContract<I, O> {
  return { channel, input, output };
}

export type ChannelInput<C extends ChannelContract> = z.input<C['input']>;
export type ChannelOutput<C extends ChannelContract> = z.output<C['output']>;

/** Largest serialized input a channel accepts (bytes of JSON). */
export const MAX_PAYLOAD_BYTES = 1_000_000;
