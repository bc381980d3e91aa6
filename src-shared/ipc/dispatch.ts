import { AppError } from '../kernel/app-error';
import { fail, ok, type Result } from '../kernel/result';
import { MAX_PAYLOAD_BYTES } from './contract';
import { channels, methodForChannel, type Handlers } from './channels';

/**
 * Runs one call through the contract: known channel, size limit, parsed input,
 * handler, parsed output. Always resolves to an envelope; nothing thrown escapes.
 */
export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown): Promise<Result<unknown>> {
  try {
    const method = methodForChannel(channel);
    if (!method) throw new AppError('validation', `Unknown channel: ${channel}`);
    const size = jsonSize(rawInput);
    if (size > MAX_PAYLOAD_BYTES) {
      throw new AppError('validation', `Payload of ${size} bytes exceeds ${MAX_PAYLOAD_BYTES} bytes`);
    }
    const contract = channels[method];
    const input = contract.input.parse(rawInput);
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    const output = await handler(input);
    const parsedOutput = contract.output.safeParse(output);
    if (!parsedOutput.success) {
      throw new AppError('internal', `Handler for ${channel} returned an invalid value`, parsedOutput.error.issues);
    }
    return ok(parsedOutput.data);
  } catch (error) {
    return fail(AppError.from(error));
  }
}

/** Length of the input as JSON; input JSON cannot hold (cycles, BigInt) is a validation error. */
function jsonSize(input: unknown): number {
  if (input === undefined) return 0;
  try {
    return JSON.stringify(input)?.length ?? 0;
  } catch {
    throw new AppError('validation', 'Input is not JSON data');
  }
}
