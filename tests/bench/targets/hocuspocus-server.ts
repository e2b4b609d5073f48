// Hocuspocus as its documentation starts it, in memory with no extensions: the comparison point for the room
// benchmark. It prints the line the benchmark waits for.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
console.log(`ready on port ${server.address.port}`);

process.once('SIGTERM', () => {
  void server.destroy().then(() => process.exit(0));
});
