// The y-websocket reference server (@y/websocket-server, what `npx y-websocket` runs), in memory: the other
// comparison point for the room benchmark. It prints the line the benchmark waits for.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('ok');
});
const sockets = new WebSocketServer({ noServer: true });
sockets.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  sockets.handleUpgrade(request, socket, head, (connection) => sockets.emit('connection', connection, request));
});
server.listen(0, '127.0.0.1', () => console.log(`ready on port ${(server.address() as AddressInfo).port}`));

process.once('SIGTERM', () => {
  sockets.close();
  server.close(() => process.exit(0));
});
