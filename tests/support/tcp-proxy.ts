import net from 'node:net';

// A TCP relay a test can cut and restore, to give one process an outage of a service (Redis) that the rest of
// the machine keeps using.

export interface TcpProxy {
  port: number;
  /** Drops every relayed connection and refuses new ones until restored. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: targetHost, port: targetPort });
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    const endBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('error', endBoth);
    upstream.once('error', endBoth);
    client.once('close', endBoth);
    upstream.once('close', endBoth);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  /** Stops listening and drops every relayed connection (server.close alone would wait for them to end). */
  const cut = async () => {
    const closed = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    for (const socket of open) socket.destroy();
    await closed;
  };
  await listen(0);
  const { port } = server.address() as net.AddressInfo;
  return { port, cut, restore: () => listen(port), close: cut };
}
