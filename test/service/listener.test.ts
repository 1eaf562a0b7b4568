// The service's listener keeps an idle keep-alive connection open past Node's 5 s default, so a
// client that pauses between two requests never reuses a socket the server is closing.
import { describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { claimPort } from '../../middleware/src/service/listener.js';

/** Sends one request on the socket and resolves with the status line of the answer. */
function ask(socket: ReturnType<typeof connect>, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || socket.readyState !== 'open') {
      reject(new Error(`the server had closed the connection before ${path}`));
      return;
    }
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n') && received.endsWith('done')) {
        socket.off('data', onData);
        resolve(received.split('\r\n')[0]!);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`socket closed before ${path} was answered`)));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('service listener', () => {
  it('answers a second request on a connection left idle for 6 s', async () => {
    const claimed = await claimPort(0, '127.0.0.1');
    claimed.serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '4' });
      response.end('done');
    });
    const socket = connect(claimed.port, '127.0.0.1');
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      expect(await ask(socket, '/first')).toBe('HTTP/1.1 200 OK');
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await ask(socket, '/second')).toBe('HTTP/1.1 200 OK');
    } finally {
      socket.destroy();
      await claimed.close();
    }
  }, 20_000);
});
