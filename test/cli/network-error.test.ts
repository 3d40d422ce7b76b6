import { describe, expect, it } from 'vitest';
import { describeUnreachable } from '../../src/cli/network-error.ts';

/** The shape undici gives a failed fetch: `TypeError('fetch failed')` with the system error as cause. */
const fetchFailed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });

describe('Discord unreachable, in one line', () => {
  it('DNS failure names the host', () => {
    const err = fetchFailed(Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND', hostname: 'discord.com' }));
    expect(describeUnreachable(err, "Discord's API (discord.com)")).toBe(
      "cannot reach Discord's API (discord.com) at discord.com: DNS lookup failed (no such host, or no DNS: check the network) [ENOTFOUND]",
    );
  });

  it('a TLS certificate problem says TLS', () => {
    const err = fetchFailed(Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }));
    expect(describeUnreachable(err, 'Discord')).toBe('cannot reach Discord: TLS error (self-signed certificate in certificate chain) [SELF_SIGNED_CERT_IN_CHAIN]');
  });

  it('anything else is not called a network failure', () => {
    expect(describeUnreachable(new Error('401: Unauthorized'), 'Discord')).toBeNull();
    expect(describeUnreachable(Object.assign(new Error('disk full'), { code: 'ENOSPC' }), 'Discord')).toBeNull();
  });
});
