/**
 * The `openclaw models status` sections added after 2026.3.13 (§10.2), one line each:
 * - `Runtime auth` (seen 6.11 short form, 8.1+ long form):
 *   `- <p> via <runtime> uses <authProvider> effective=<kind>:<detail> | status=<s>[ | auth=… | runtime=… | <detail>]`;
 * - `Model route issues` (8.1+): `- <p>/<m> [<code>] <message>` or
 *   `- <p>/<m> requires <req> auth: <message>`;
 * - `Unavailable auth profiles` (8.1+): `- <id> (<provider>) <cooldown|disabled>[:<reason>] (<dur>) — <hint>`.
 * Read by 2026.8.1 and 2026.9.6 captures.
 */
import type { FactOf } from './facts.ts';

type ModelsStatus = FactOf<'models_status'>;
type RuntimeRoute = NonNullable<ModelsStatus['runtimeAuth']>[number];
type RouteIssue = NonNullable<ModelsStatus['routeIssues']>[number];
type Unusable = NonNullable<ModelsStatus['unusableProfiles']>[number];

const RUNTIME = /^- ([\w.-]{1,64}) via ([\w.-]{1,64}) uses ([\w.-]{1,64}) effective=(\S{1,300}) \| status=([\w-]{1,30})(?: \| (.{1,600}))?$/;
const ISSUE_CODE = /^- ([\w.-]{1,64}\/\S{1,200}) \[([\w-]{1,60})\] (.{1,600})$/;
const ISSUE_REQUIRES = /^- ([\w.-]{1,64}\/\S{1,200}) requires ([\w-]{1,30}) auth: (.{1,600})$/;
const UNAVAILABLE = /^- (\S{1,128}) \(([\w.-]{1,64})\) (cooldown|disabled)(?::([\w-]{1,40}))? \(([^()]{1,20})\)(?: [—–-] (.{1,400}))?$/;

/** A `Runtime auth` line, or null. */
export function runtimeRoute(t: string): RuntimeRoute | null {
  const m = t.startsWith('- ') ? RUNTIME.exec(t) : null;
  if (!m) return null;
  const route: RuntimeRoute = { provider: m[1]!, runtime: m[2]!, authProvider: m[3]!, effective: m[4]!, status: m[5]! };
  if (m[6]) route.detail = m[6].trim();
  return route;
}

/** A `Model route issues` line, or null. */
export function routeIssue(t: string): RouteIssue | null {
  if (!t.startsWith('- ')) return null;
  const code = ISSUE_CODE.exec(t);
  if (code) return { model: code[1]!, code: code[2]!, message: code[3]!.trim() };
  const req = ISSUE_REQUIRES.exec(t);
  if (req) return { model: req[1]!, requires: req[2]!, message: req[3]!.trim() };
  return null;
}

/** An `Unavailable auth profiles` line, or null. */
export function unavailableProfile(t: string): Unusable | null {
  const m = t.startsWith('- ') ? UNAVAILABLE.exec(t) : null;
  if (!m) return null;
  const u: Unusable = { profileId: m[1]!, provider: m[2]!, kind: m[3] as 'cooldown' | 'disabled', remaining: m[5]! };
  if (m[4]) u.reason = m[4];
  if (m[6]) u.hint = m[6].trim();
  return u;
}
