/**
 * `openclaw gateway status` (§5, OpenClaw 2026.3.13, `status.print.ts`): `Runtime: running …`,
 * `RPC probe: ok|failed`, `Config (cli): <path>`, `Config (service): <path>`, the service line
 * (systemd / LaunchAgent / Scheduled Task), or `Gateway service not loaded.` One fact per paste.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';

type GatewayStatus = FactOf<'gateway_status'>;

function serviceOf(t: string): GatewayStatus['service'] | undefined {
  if (/systemd/i.test(t)) return 'systemd';
  if (/launchd|LaunchAgent/i.test(t)) return 'launchd';
  if (/schtasks|Scheduled Task/i.test(t)) return 'schtasks';
  return undefined;
}

/** Reads gateway status rows. */
export const parseGatewayStatus: Parser = (lines, ctx) => {
  let fact: GatewayStatus | null = null;
  let first: PreparedLine | undefined;
  let last: PreparedLine | undefined;
  const touch = (line: PreparedLine): GatewayStatus => {
    first ??= line;
    last = line;
    fact ??= { kind: 'gateway_status', source: spanOf(ctx, line), confidence: 1 };
    return fact;
  };
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '' || !'RCGS'.includes(t[0] as string)) continue;
    let m: RegExpExecArray | null;
    if ((m = /^Runtime: ?(\w[\w-]{0,30})/.exec(t))) touch(line).runtime = m[1] as string;
    else if ((m = /^RPC probe: ?(ok|failed)\b/.exec(t))) touch(line).rpcProbe = m[1] as 'ok';
    else if ((m = /^Config \(cli\): ?(.{1,400})$/.exec(t))) touch(line).configCli = (m[1] as string).trim();
    else if ((m = /^Config \(service\): ?(.{1,400})$/.exec(t))) touch(line).configService = (m[1] as string).trim();
    else if (/^Gateway service (?:not loaded|not installed|is not)/.test(t)) touch(line).service = 'none';
    else if (/^Service: /.test(t)) {
      const service = serviceOf(t);
      if (service) touch(line).service = service;
    }
  }
  const f = fact as GatewayStatus | null;
  if (!f || !first || !last) return [];
  f.source = spanOf(ctx, first, last);
  return [f];
};
