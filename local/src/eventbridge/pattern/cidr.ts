import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { refuse } from './invalid-event-pattern.ts';

/** A `cidr` operand (IPv4 or IPv6) as a test of an event's IP address string. */
export const compileCidr = (cidr: string): ((value: string) => boolean) => {
  const [address = '', bits, ...rest] = cidr.split('/');
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  const max = family === 'ipv4' ? 32 : 128;
  const prefix = Number(bits);
  if (!family || rest.length > 0 || !/^\d{1,3}$/.test(bits ?? '') || prefix > max) {
    return refuse(`Malformed CIDR, one '/' required: ${cidr}`);
  }
  const block = new BlockList();
  block.addSubnet(address, prefix, family);
  return (value) =>
    family === 'ipv4'
      ? isIPv4(value) && block.check(value, 'ipv4')
      : isIPv6(value) && block.check(value, 'ipv6');
};
