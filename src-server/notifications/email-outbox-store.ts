import type { StoredEmail } from './email.schema';

/**
 * Where the e-mail outbox keeps its messages. The server wires a PostgreSQL implementation;
 * `createMemoryEmailOutboxStore` serves tests and a server without a database.
 */
export interface EmailOutboxStore {
  /**
   * Stores a new message and returns it. When a message with this id exists already, that one is
   * kept and returned instead, so a retried enqueue never sends a second e-mail.
   */
  insert(message: StoredEmail): Promise<StoredEmail>;
  update(id: string, patch: Partial<Omit<StoredEmail, 'id'>>): Promise<void>;
  get(id: string): Promise<StoredEmail | undefined>;
  list(): Promise<StoredEmail[]>;
  /**
   * Queued messages whose next attempt is at or before `now`, oldest first. A store shared by
   * several processes marks them `sending` as it hands them out, so no two processes take one.
   */
  due(now: string, limit: number): Promise<StoredEmail[]>;
  /** Messages left in `sending` by a stopped process go back to `queued`, due at `now`. */
  requeueInterrupted(now: string): Promise<number>;
}

export function createMemoryEmailOutboxStore(): EmailOutboxStore {
  const messages = new Map<string, StoredEmail>();
  const copy = (message: StoredEmail): StoredEmail => structuredClone(message);
  return {
    async insert(message) {
      if (!messages.has(message.id)) messages.set(message.id, copy(message));
      return copy(messages.get(message.id)!);
    },
    async update(id, patch) {
      const message = messages.get(id);
      if (!message) throw new Error(`No e-mail ${id}`);
      messages.set(id, { ...message, ...patch });
    },
    get: async (id) => {
      const message = messages.get(id);
      return message && copy(message);
    },
    list: async () => [...messages.values()].map(copy),
    due: async (now, limit) =>
      [...messages.values()]
        .filter((message) => message.status === 'queued' && message.nextAttemptAt <= now)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .slice(0, limit)
        .map(copy),
    async requeueInterrupted(now) {
      let count = 0;
      for (const message of messages.values()) {
        if (message.status !== 'sending') continue;
        messages.set(message.id, { ...message, status: 'queued', nextAttemptAt: now });
        count += 1;
      }
      return count;
    },
  };
}
