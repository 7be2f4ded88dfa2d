import type { HostedZone, ListHostedZonesByNameResponse } from '@aws-sdk/client-route-53';
import { describe, expect, it } from 'vitest';
import { hostedZoneFindings } from '../../src/preflight/hosted-zone.ts';

const zone = (id: string, name: string, privateZone = false): HostedZone => ({
  Id: `/hostedzone/${id}`,
  Name: name,
  CallerReference: `ref-${id}`,
  Config: { Comment: '', PrivateZone: privateZone },
  ResourceRecordSetCount: 6,
});

/** As ListHostedZonesByName answers from DNSName on: the domain's zones, then those after it. */
const listed = (...zones: HostedZone[]): ListHostedZonesByNameResponse => ({
  HostedZones: zones,
  DNSName: 'keeptabs.app',
  IsTruncated: false,
  MaxItems: 10,
});

describe('hostedZoneFindings', () => {
  it('finds nothing when a public zone holds the domain', () => {
    expect(
      hostedZoneFindings(
        'keeptabs.app',
        listed(
          zone('Z1', 'keeptabs.app.', true),
          zone('Z2', 'keeptabs.app.'),
          zone('Z3', 'other.app.'),
        ),
      ),
    ).toEqual([]);
  });

  it('blocks when no zone has the name: the next zones in order do not count', () => {
    const [finding] = hostedZoneFindings(
      'keeptabs.app',
      listed(zone('Z3', 'www.keeptabs.app.'), zone('Z4', 'zebra.app.')),
    );
    expect(finding).toMatchObject({
      check: 'hosted-zone',
      subject: 'keeptabs.app.',
      problem: 'no public hosted zone',
      blocking: true,
    });
    expect(finding?.todo).toContain('aws route53 create-hosted-zone --name keeptabs.app');
    expect(hostedZoneFindings('keeptabs.app', listed())).toHaveLength(1);
  });

  it('blocks when the only zone of that name is private', () => {
    const [finding] = hostedZoneFindings('keeptabs.app', listed(zone('Z1', 'keeptabs.app.', true)));
    expect(finding?.problem).toContain('only a private hosted zone');
  });

  it('warns of two public zones of one name, naming both', () => {
    const [finding] = hostedZoneFindings(
      'keeptabs.app',
      listed(zone('Z1', 'keeptabs.app.'), zone('Z2', 'keeptabs.app.')),
    );
    expect(finding).toMatchObject({ blocking: false });
    expect(finding?.problem).toContain('Z1, Z2');
  });

  it('reports a list it could not read', () => {
    const [finding] = hostedZoneFindings('keeptabs.app', {
      couldNotCheck: 'AccessDenied: not authorized to perform: route53:ListHostedZonesByName',
    });
    expect(finding).toMatchObject({ blocking: true, subject: 'keeptabs.app.' });
    expect(finding?.problem).toMatch(/^could not check: AccessDenied/);
  });
});
