import { createServer, request as httpRequest, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { PlatformComponent } from '../component.ts';
import { signingName } from '../edge/aws-service.ts';
import { forward } from '../edge/forward.ts';
import { close, listen } from '../listen.ts';
import { refusedAttachments } from './ses-attachments.ts';
import { refusedConfigurationSet } from './ses-configuration-sets.ts';
import { sesFaultAnswer } from './ses-faults.ts';
import { reportFeedback } from './ses-feedback.ts';
import { sesMessages } from './ses-messages.ts';

const require = createRequire(import.meta.url);
const emulatorRoot = dirname(require.resolve('aws-ses-v2-local/package.json'));

/**
 * aws-ses-v2-local keeps its inbox in module state: each platform loads its own copy, so two
 * platforms in one process (a test file after another, the drill beside a test) keep two inboxes,
 * as two AWS accounts do. Through require: its CommonJS `exports.default` reaches ESM differently
 * under tsx and vitest.
 */
const freshSesServer = () => {
  for (const file of Object.keys(require.cache)) {
    if (file.startsWith(emulatorRoot)) delete require.cache[file];
  }
  return (
    require('aws-ses-v2-local') as {
      default: (config: { host: string; port: number }) => Promise<Server>;
    }
  ).default;
};

const portOf = (server: Server) => {
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('SES emulator is not listening');
  return address.port;
};

/**
 * SES v2: aws-ses-v2-local on a private port (it listens by itself and reports no listen error),
 * fronted by a plain proxy on the public SES port (its inbox page and `/store` JSON) so a busy
 * port gets the platform's one-line error, and reached through the edge for the SDK and the CLI.
 * An injected `ses` fault makes SendEmail refuse or throttle (see ses-faults.ts). The inbox port
 * also serves each email as a file (`/messages/<MessageId>.eml`, see ses-messages.ts); SendEmail's
 * attachments are checked as SES checks them first (ses-attachments.ts), and its configuration
 * set must be the stage's. A `bounce` or `complain` fault makes SES report the email bounced or
 * complained about on the default bus, as SES's event destination does (ses-feedback.ts).
 */
export const ses: PlatformComponent = {
  name: 'ses',
  port: { default: 8005, envVar: 'MYTABS_SES_PORT', description: 'SES inbox' },
  async start({ port, faults, plan, serviceEvents }) {
    const emulator = await freshSesServer()({ host: '127.0.0.1', port: 0 });
    const emulatorPort = portOf(emulator);
    const messages = sesMessages(emulatorPort);
    const inbox = createServer((req, res) => {
      if (messages.control(req, res)) return;
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: emulatorPort,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (response) => {
          res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502).end();
      });
      req.pipe(upstream);
    });
    let inboxPort: number;
    try {
      inboxPort = await listen(inbox, port, 'SES inbox', 'MYTABS_SES_PORT');
    } catch (error) {
      await close(emulator);
      throw error;
    }
    return {
      services: [
        {
          name: 'ses',
          accepts: (request) =>
            request.path.startsWith('/v2/email/') || signingName(request.headers) === 'ses',
          handle: async (request) => {
            const refused =
              refusedAttachments(request) ??
              refusedConfigurationSet(plan.email, request) ??
              sesFaultAnswer(faults, request);
            if (refused) return refused;
            const response = await forward(request, emulatorPort);
            reportFeedback(plan.email, faults, serviceEvents, request, response);
            return response;
          },
        },
      ],
      endpoints: { ses: `http://127.0.0.1:${inboxPort}` },
      close: async () => {
        await close(inbox);
        await close(emulator);
      },
    };
  },
};
