import {
  ListHostedZonesByNameCommand,
  type ListHostedZonesByNameResponse,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import {
  type Answer,
  ask,
  type CheckResult,
  couldNotCheckFinding,
  type Finding,
  isCouldNotCheck,
} from './finding.ts';

/** Route 53 names zones fully qualified, with the root's dot. */
export const zoneName = (domain: string) => `${domain.toLowerCase().replace(/\.$/, '')}.`;

/** Whether the domain has the public hosted zone its records (SES DKIM, ACM validation, the site) live in. */
export const hostedZoneFindings = (
  domain: string,
  answer: Answer<ListHostedZonesByNameResponse>,
): Finding[] => {
  const name = zoneName(domain);
  if (isCouldNotCheck(answer)) return [couldNotCheckFinding('hosted-zone', name, answer)];
  const zones = (answer?.HostedZones ?? []).filter((z) => z.Name?.toLowerCase() === name);
  const publicZones = zones.filter((z) => z.Config?.PrivateZone !== true);
  if (publicZones.length === 0) {
    return [
      {
        check: 'hosted-zone',
        subject: name,
        problem:
          zones.length > 0
            ? 'only a private hosted zone has this name: the internet cannot resolve it'
            : 'no public hosted zone',
        todo: `create one: aws route53 create-hosted-zone --name ${domain} --caller-reference preflight-$(date +%s), then set the domain's name servers at the registrar to the four it lists`,
        blocking: true,
      },
    ];
  }
  if (publicZones.length > 1) {
    const ids = publicZones.map((z) => z.Id?.replace('/hostedzone/', '')).join(', ');
    return [
      {
        check: 'hosted-zone',
        subject: name,
        problem: `${publicZones.length} public hosted zones (${ids}): only the one the registrar delegates to answers`,
        todo: 'keep the zone whose name servers the registrar lists, and delete the others',
        blocking: false,
      },
    ];
  }
  return [];
};

export const checkHostedZone = async (
  client: Route53Client,
  { domain }: { domain: string },
): Promise<CheckResult> => {
  // Zones come sorted by name from DNSName on: those of the domain come first, public and private.
  const answer = await ask(() =>
    client.send(new ListHostedZonesByNameCommand({ DNSName: domain, MaxItems: 10 })),
  );
  return {
    check: 'hosted-zone',
    ok: `public hosted zone ${zoneName(domain)}`,
    findings: hostedZoneFindings(domain, answer),
  };
};
