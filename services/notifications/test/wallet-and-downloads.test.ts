import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  archivedEvents,
  credentialsFor,
  DEMO_ORGANIZER,
  eventually,
  localNames,
  type RepoPlatform,
  startRepoPlatform,
} from '@mytabs/local';
import { unzipSync } from 'fflate';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyDemoTickets } from './bought-order.ts';
import { inbox, type StoredEmail, scanQr } from './received-email.ts';
import { suppressionOf } from './suppression-record.ts';

let local: RepoPlatform;
let organizer: string;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  organizer = await local.signIn(DEMO_ORGANIZER);
}, 60_000);
afterAll(() => local?.close());

const secret = async (name: string) => {
  const client = new SecretsManagerClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentialsFor('test'),
  });
  const { SecretString } = await client.send(
    new GetSecretValueCommand({ SecretId: localNames.secret('notifications', name) }),
  );
  return JSON.parse(SecretString ?? '{}') as Record<string, string>;
};

/** A paid, fulfilled order of `quantity` tickets of the demo event, and its email. */
const buy = async (email: string, quantity: number) => {
  const { event, order, orderToken } = await buyDemoTickets(local, email, quantity);
  const [confirmation] = await inbox(local.endpoints.ses, email);
  return { event, order, orderToken, email: confirmation as StoredEmail };
};

/** The links of an email's HTML, as a mail client follows them (entities undone). */
const links = (email: StoredEmail) =>
  [...(email.body.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&'),
  );

/** An `https://api.<domain>` link, asked of the local API, which answers the same paths. */
const openLink = (link: string, init?: RequestInit) => {
  const url = new URL(link);
  return fetch(`${local.endpoints.api}${url.pathname}${url.search}`, init);
};

const api = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${local.endpoints.api}${path}`, {
    ...init,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...init.headers },
  });

const scan = (eventId: string, qr: string) =>
  api(`/events/${eventId}/check-ins`, organizer, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ qr }),
  });

/** openssl's own check of a detached PKCS#7 signature, the way Wallet checks a pass. */
const opensslVerifies = (signature: Uint8Array, content: Uint8Array, caPem: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'pkpass-'));
  writeFileSync(join(dir, 'signature'), signature);
  writeFileSync(join(dir, 'manifest.json'), content);
  writeFileSync(join(dir, 'ca.pem'), caPem);
  try {
    execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, 'signature'),
        '-content',
        join(dir, 'manifest.json'),
        '-CAfile',
        join(dir, 'ca.pem'),
        '-purpose',
        'any',
        '-out',
        join(dir, 'verified'),
      ],
      { stdio: 'pipe' },
    );
    return true;
  } catch {
    return false;
  }
};

describe('tickets a buyer can use', () => {
  let bought: Awaited<ReturnType<typeof buy>>;
  let other: Awaited<ReturnType<typeof buy>>;
  beforeAll(async () => {
    bought = await buy('wallet.test@example.com', 2);
    other = await buy('other.wallet@example.com', 1);
  }, 120_000);

  it('an Apple Wallet pass per ticket: pass.json with the door code, a manifest of its files, a signature by the pass certificate', async () => {
    const [ticket] = bought.order.tickets;
    const response = await api(
      `/orders/${bought.order.orderId}/tickets/${ticket?.ticketId}.pkpass`,
      bought.orderToken,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.apple.pkpass');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const pass = JSON.parse(Buffer.from(files['pass.json'] ?? []).toString());
    const door = bought.email.attachments
      .filter((f) => f.contentType === 'image/png')
      .map((f) => scanQr(f.content));
    expect(door).toContain(pass.barcodes[0].message);
    expect(pass).toMatchObject({
      formatVersion: 1,
      serialNumber: ticket?.ticketId,
      barcodes: [{ format: 'PKBarcodeFormatQR' }],
      eventTicket: { primaryFields: [{ value: bought.event.name }] },
    });
    expect(Date.parse(pass.relevantDate)).toBe(Date.parse(bought.event.startsAt));
    expect(JSON.stringify(pass.eventTicket)).toContain(bought.event.venue.line1);

    const manifest = JSON.parse(Buffer.from(files['manifest.json'] ?? []).toString());
    const packed = Object.keys(files).filter((f) => f !== 'manifest.json' && f !== 'signature');
    expect(Object.keys(manifest).sort()).toEqual(packed.sort());
    for (const name of packed) {
      expect(manifest[name]).toBe(
        createHash('sha1')
          .update(files[name] ?? new Uint8Array())
          .digest('hex'),
      );
    }
    const certificate = await secret('apple-pass-certificate');
    expect(pass.passTypeIdentifier).toBe(certificate.passTypeIdentifier);
    const signature = files.signature ?? new Uint8Array();
    const manifestBytes = files['manifest.json'] ?? new Uint8Array();
    expect(opensslVerifies(signature, manifestBytes, certificate.wwdrCertPem ?? '')).toBe(true);
    // The same signature does not cover a changed manifest.
    const altered = Buffer.from(Buffer.from(manifestBytes).toString().replace('"', '" '));
    expect(opensslVerifies(signature, altered, certificate.wwdrCertPem ?? '')).toBe(false);
  }, 30_000);

  it('a Save to Google Wallet link whose JWT verifies with the service account key and carries each ticket’s code', async () => {
    const link = links(bought.email).find((l) => l.startsWith('https://pay.google.com/gp/v/save/'));
    expect(link).toBeDefined();
    const account = await secret('google-wallet-service-account');
    const { payload } = await jwtVerify(
      link?.split('/').pop() ?? '',
      createPublicKey(account.private_key ?? ''),
      { issuer: account.client_email, audience: 'google' },
    );
    expect(payload.typ).toBe('savetowallet');
    const objects = (
      payload.payload as { eventTicketObjects: { id: string; barcode: { value: string } }[] }
    ).eventTicketObjects;
    const codes = bought.email.attachments
      .filter((f) => f.contentType === 'image/png')
      .map((f) => scanQr(f.content));
    expect(objects.map((o) => o.barcode.value).sort()).toEqual(codes.sort());
    expect(objects.map((o) => o.id)).toContain(
      `${account.issuerId}.${bought.order.tickets[0]?.ticketId}`,
    );
  }, 30_000);

  it('downloads for the order token, the owner and the email’s signed links; not for another order’s token or anyone else', async () => {
    const { orderId, tickets } = bought.order;
    const pdfPath = `/orders/${orderId}/tickets.pdf`;
    const ics = `/orders/${orderId}/tickets/${tickets[0]?.ticketId}.ics`;
    const ok = await api(pdfPath, bought.orderToken);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await api(pdfPath, organizer)).status).toBe(200);
    const calendar = await api(ics, bought.orderToken);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain('BEGIN:VEVENT');

    for (const path of [pdfPath, ics]) {
      expect((await api(path, other.orderToken)).status).toBe(404);
      expect((await api(path)).status).toBe(401);
    }
    expect((await api(`/orders/${orderId}/tickets/${tickets[0]?.ticketId}.exe`)).status).toBe(400);

    const signed = links(bought.email).filter((l) => l.includes('signature='));
    const pdfLink = signed.find((l) => l.includes('/tickets.pdf?'));
    const passLink = signed.find((l) => l.includes('.pkpass?'));
    expect((await openLink(pdfLink ?? '')).status).toBe(200);
    expect((await openLink(passLink ?? '')).status).toBe(200);
    // A signed link opens its own file only, and not once tampered with.
    const moved = new URL(passLink ?? '');
    moved.pathname = moved.pathname.replace(/_0_0\.pkpass$/, '_0_1.pkpass');
    expect((await openLink(moved.toString())).status).toBe(401);
    expect(
      (await openLink((pdfLink ?? '').replace(/expires=\d+/, 'expires=9999999999'))).status,
    ).toBe(401);
  }, 30_000);

  it('resend: one email, and a burst right after it is refused', async () => {
    const { orderId } = bought.order;
    const resend = () => api(`/orders/${orderId}/resend`, bought.orderToken, { method: 'POST' });
    expect(
      (await api(`/orders/${orderId}/resend`, other.orderToken, { method: 'POST' })).status,
    ).toBe(404);
    const first = await resend();
    expect(first.status).toBe(202);
    const burst = await Promise.all([resend(), resend(), resend()]);
    expect(burst.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(Number(burst[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    const emails = await inbox(local.endpoints.ses, 'wallet.test@example.com');
    expect(emails).toHaveLength(2);
    expect(emails[1]?.subject).toBe(emails[0]?.subject);
  }, 30_000);

  it('resend to an address that bounced: 409 with the reason, and no second email', async () => {
    const address = `gone.${Date.now()}@example.com`;
    const fault = await fetch(`${local.endpoints.edge}/_local/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'ses', mode: 'bounce', recipient: address, times: 1 }),
    });
    expect(fault.status).toBe(201);
    const { order, orderToken } = await buyDemoTickets(local, address, 1);
    const suppressed = await eventually(
      () => suppressionOf(local.endpoints.edge, address),
      (item) => item !== undefined,
    );
    expect(suppressed).toMatchObject({ reason: 'bounced' });

    const resent = await api(`/orders/${order.orderId}/resend`, orderToken, { method: 'POST' });
    expect(resent.status).toBe(409);
    expect(resent.headers.get('content-type')).toBe('application/problem+json');
    expect(((await resent.json()) as { detail: string }).detail).toMatch(/^Suppressed: .* bounced/);
    expect(await inbox(local.endpoints.ses, address)).toHaveLength(1);
  }, 60_000);

  it('reissue: the old code is refused at the door, the new one admits once, and the holder gets one email with it', async () => {
    const { orderId, tickets } = bought.order;
    const ticketId = tickets[1]?.ticketId ?? '';
    const before = await inbox(local.endpoints.ses, 'wallet.test@example.com');
    const oldPass = JSON.parse(
      Buffer.from(
        unzipSync(
          new Uint8Array(
            await (
              await api(`/orders/${orderId}/tickets/${ticketId}.pkpass`, bought.orderToken)
            ).arrayBuffer(),
          ),
        )['pass.json'] ?? [],
      ).toString(),
    );
    const oldCode = oldPass.barcodes[0].message as string;

    const reissue = (key: string, token = organizer) =>
      api(`/orders/${orderId}/tickets/${ticketId}/reissue`, token, {
        method: 'POST',
        headers: { 'idempotency-key': key },
      });
    expect((await reissue('k1', bought.orderToken)).status).toBe(401);
    const done = await reissue('k1');
    expect(done.status).toBe(200);
    const { qr: newCode, generation } = (await done.json()) as { qr: string; generation: number };
    expect(generation).toBe(1);
    expect(newCode).not.toBe(oldCode);
    // The same request again (a retry) reissues nothing more, and announces nothing more.
    expect(((await (await reissue('k1')).json()) as { qr: string }).qr).toBe(newCode);
    const announced = await archivedEvents(local, 'TicketReissued', orderId);
    expect(announced.filter((e) => e.detail.data.ticketId === ticketId)).toHaveLength(1);

    const refused = await scan(bought.event.eventId, oldCode);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { replaced?: boolean }).replaced).toBe(true);
    expect((await scan(bought.event.eventId, newCode)).status).toBe(201);
    expect((await scan(bought.event.eventId, newCode)).status).toBe(409);

    let after: StoredEmail[] = [];
    for (let i = 0; i < 50 && after.length <= before.length; i++) {
      await new Promise((r) => setTimeout(r, 200));
      after = await inbox(local.endpoints.ses, 'wallet.test@example.com');
    }
    await new Promise((r) => setTimeout(r, 1000));
    after = await inbox(local.endpoints.ses, 'wallet.test@example.com');
    const fresh = after.slice(before.length);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.subject).toBe(`Your new ticket for ${bought.event.name}`);
    expect(
      scanQr(fresh[0]?.attachments.find((f) => f.contentType === 'image/png')?.content ?? ''),
    ).toBe(newCode);

    // Downloads now carry the new code.
    const pass = unzipSync(
      new Uint8Array(
        await (
          await api(`/orders/${orderId}/tickets/${ticketId}.pkpass`, bought.orderToken)
        ).arrayBuffer(),
      ),
    );
    expect(JSON.parse(Buffer.from(pass['pass.json'] ?? []).toString()).barcodes[0].message).toBe(
      newCode,
    );
  }, 60_000);
});
