import { schemaVersionOf, type CollectionName } from '../../../../src-shared/db/collections';
import { pushResponseSchema, type PushResponse } from '../../../../src-shared/sync/push.schema';

/**
 * Pushes a change of one document over HTTP as a laptop does: `after` over `before` (the state the
 * laptop last pulled; none for a new document). Returns the server's answer, parsed.
 */
export async function pushChange(
  serverUrl: string,
  accessToken: string,
  collection: CollectionName,
  after: object,
  before: object | null = null,
): Promise<PushResponse> {
  const response = await fetch(`${serverUrl}/sync/${collection}/v${schemaVersionOf(collection)}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({
      rows: [{ newDocumentState: { ...after, _deleted: false }, ...(before ? { assumedMasterState: { ...before, _deleted: false } } : {}) }],
    }),
  });
  return pushResponseSchema.parse(await response.json());
}
