// A TCP proxy in front of the test PostgreSQL server that a test can cut and restore: a database
// outage as the service sees it (connections reset, new ones refused) without touching the server.
import { connect, createServer, type Socket } from "node:net";

export interface PgProxy {
  port: number;
  /** Resets every open connection and refuses new ones until `restore`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
  /** The URL of `url`'s database through the proxy (the server at 127.0.0.1:5432). */
  urlFor(url: string): string;
}

export async function startPgProxy(): Promise<PgProxy> {
  const sockets = new Set<Socket>();
  let down = false;
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(5432, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => undefined);
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    urlFor(url) {
      const proxied = url.replace(/@127\.0\.0\.1:5432\//, `@127.0.0.1:${port}/`);
      if (proxied === url) throw new Error("the test PostgreSQL server is not at 127.0.0.1:5432");
      return proxied;
    },
  };
}
