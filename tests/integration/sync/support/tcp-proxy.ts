import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface ProxyConnection {
  client: Socket;
  upstream: Socket;
  /** The request line of the latest request the client sent on this connection. */
  lastRequest: string;
  drop(): void;
}

export interface ProxyHooks {
  /** Called with each chunk from the client before it is forwarded; return false to hold it back. */
  onClientData?(connection: ProxyConnection, chunk: Buffer): boolean | void;
  /** Called with each chunk from the server before it is forwarded; return false to hold it back. */
  onServerData?(connection: ProxyConnection, chunk: Buffer): boolean | void;
  /** Called for each new connection; return false to refuse it. */
  onConnect?(connection: ProxyConnection): boolean | void;
}

/** A TCP proxy on loopback between the app and the server, for breaking connections on purpose. */
export class TcpProxy {
  private readonly server: Server;
  private readonly connections = new Set<ProxyConnection>();
  hooks: ProxyHooks = {};

  constructor(private targetPort: number) {
    this.server = createServer((client) => this.accept(client));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    return `http://127.0.0.1:${address.port}`;
  }

  setTarget(port: number): void {
    this.targetPort = port;
  }

  get open(): number {
    return this.connections.size;
  }

  dropAll(): void {
    for (const connection of this.connections) connection.drop();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const upstream = createConnection({ host: '127.0.0.1', port: this.targetPort });
    const connection: ProxyConnection = {
      client,
      upstream,
      lastRequest: '',
      drop: () => {
        client.destroy();
        upstream.destroy();
        this.connections.delete(connection);
      },
    };
    this.connections.add(connection);
    client.on('error', connection.drop);
    upstream.on('error', connection.drop);
    client.on('close', connection.drop);
    upstream.on('close', connection.drop);
    if (this.hooks.onConnect?.(connection) === false) return connection.drop();
    client.on('data', (chunk: Buffer) => {
      const line = /^(GET|POST|PUT|DELETE|PATCH|OPTIONS|HEAD) \S+/.exec(chunk.toString('latin1', 0, 200));
      if (line) connection.lastRequest = line[0];
      if (this.hooks.onClientData?.(connection, chunk) === false) return;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (this.hooks.onServerData?.(connection, chunk) === false) return;
      client.write(chunk);
    });
  }
}
