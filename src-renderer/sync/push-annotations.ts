import type { PushRowContext } from '../../src-shared/sync/push.schema';

/** Context sent with the next push of a document (a conflict resolution, on behalf of a partner). */
export class PushAnnotations {
  private readonly contexts = new Map<string, PushRowContext>();

  set(collection: string, id: string, context: PushRowContext): void {
    this.contexts.set(key(collection, id), context);
  }

  get(collection: string, id: string): PushRowContext | undefined {
    return this.contexts.get(key(collection, id));
  }

  /** The document was stored or refused: the context went with it. */
  delete(collection: string, id: string): void {
    this.contexts.delete(key(collection, id));
  }
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;
