import net from 'node:net';

/**
 * A TCP proxy on loopback in front of the fake Bot API, to make the network fail the way it does:
 * `down` refuses connections (and cuts the open ones), `drop` accepts then cuts each new
 * connection after `ms` without an answer (a timeout seen from the bot), `pass` forwards.
 */
export interface FlakyProxy {
  apiRoot: string;
  down(): Promise<void>;
  up(): Promise<void>;
  drop(ms: number): void;
  pass(): void;
  /** Connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

export async function startFlakyProxy(target: string): Promise<FlakyProxy> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<net.Socket>();
  let dropAfter: number | null = null;
  const proxy: FlakyProxy = {
    apiRoot: '',
    connections: 0,
    down: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    up: () => listen(port),
    drop: (ms) => void (dropAfter = ms),
    pass: () => void (dropAfter = null),
    close: async () => {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = net.createServer((client) => {
    proxy.connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (dropAfter !== null) {
      setTimeout(() => client.destroy(), dropAfter);
      return;
    }
    const upstream = net.connect(Number(targetPort), hostname);
    sockets.add(upstream);
    upstream.on('close', () => (sockets.delete(upstream), client.destroy()));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  const listen = (p: number) => new Promise<void>((resolve) => server.listen(p, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  proxy.apiRoot = `http://127.0.0.1:${port}`;
  return proxy;
}
