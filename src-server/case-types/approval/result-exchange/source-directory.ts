import { AppError, summarizeZodError } from '../../../../src-shared/kernel/app-error';
import { networkReason } from './ask-source';
import { sourceDirectorySchema, type ResultSource } from './result-source.contract';

/** Reads the list of result sources from a directory (GET {directoryUrl}/sources). */
export async function loadSources(directoryUrl: string, timeoutMs = 5000): Promise<ResultSource[]> {
  const url = new URL('sources', directoryUrl.endsWith('/') ? directoryUrl : `${directoryUrl}/`);
  let body: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.text();
  } catch (error) {
    throw new AppError('external', `The source directory ${url.href} did not answer: ${networkReason(error)}`);
  }
  const invalid = (problem: string) => new AppError('external', `The source directory ${url.href} answered an invalid list: ${problem}`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw invalid('the body is not JSON');
  }
  const parsed = sourceDirectorySchema.safeParse(json);
  if (!parsed.success) throw invalid(summarizeZodError(parsed.error));
  return parsed.data.sources;
}
