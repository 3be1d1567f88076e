import { describe, expect, it } from 'vitest';
import { translator } from './i18n/index.js';
import { isPublicAddress, outboundProblem as problemKey } from './outbound.js';

const outboundProblem = async (url: string, hosts: string[]) => {
  const key = await problemKey(url, hosts);
  return key && translator('en')(key);
};

describe('outbound addresses', () => {
  it('tells public addresses from private, loopback, link-local and reserved ones', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '151.101.1.69']) expect(isPublicAddress(ip)).toBe(true);
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not an address',
    ])
      expect(isPublicAddress(ip)).toBe(false);
  });

  it('explains a refused address at the form, and lets an allowed host through', async () => {
    expect(await outboundProblem('http://127.0.0.1:8080/hook', [])).toMatch(/private or local network/);
    expect(await outboundProblem('http://localhost/hook', [])).toMatch(/private or local network/);
    expect(await outboundProblem('ftp://example.org/', [])).toMatch(/http/);
    expect(await outboundProblem('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toBeUndefined();
    expect(await outboundProblem('http://[::1]/hook', [])).toMatch(/private/);
  });
});
