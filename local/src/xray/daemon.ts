import { createSocket } from 'node:dgram';
import type { LocalTraces } from './local-traces.ts';

/**
 * The X-Ray daemon's UDP port, as the functions' SDK finds it (`AWS_XRAY_DAEMON_ADDRESS`): each
 * datagram is a header line `{"format":"json","version":1}` and one segment document.
 */
export const startDaemon = async (traces: LocalTraces, log: (line: string) => void) => {
  const socket = createSocket('udp4');
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    const newline = text.indexOf('\n');
    try {
      const header = JSON.parse(text.slice(0, newline)) as { format?: string; version?: number };
      if (header.format !== 'json' || header.version !== 1) throw new Error('not a daemon header');
      if (!traces.record(JSON.parse(text.slice(newline + 1)))) throw new Error('not a segment');
    } catch (error) {
      log(`xray daemon: dropped a datagram (${(error as Error).message}): ${text.slice(0, 200)}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  socket.unref();
  return {
    address: `127.0.0.1:${socket.address().port}`,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
};
