/**
 * The `--probe` table of `openclaw models status --probe` (§1.8): columns Model | Profile | Status,
 * Unicode (`┌─┬┐│`) or ASCII (`+-|`) borders, status cells `<status> · <latency>` with `↳ <detail>`
 * continuation lines and `Auth reason [<code>]` reason codes. OpenClaw 2026.3.13.
 */
import type { ProbeRow } from './facts.ts';

const BORDER = /^[┌├└╞╘╒+][─━═\-┬┼┴╤╪╧+┐┤┘╡╕╛]*$/;
/** First characters of `BORDER` and of a cell row. */
const TABLE_FIRST = '┌├└╞╘╒+│|';
const REASON = /Auth reason \[([a-z_]{1,40})\]/;

/** True for a line that belongs to a probe table (border or cell row). */
export function isProbeTableLine(text: string): boolean {
  const t = text.trim();
  // Cheap first look: a border or a cell row starts with one of these (spaces do not count).
  if (t === '' || !TABLE_FIRST.includes(t[0] as string)) return false;
  if (BORDER.test(t.replace(/\s/g, ''))) return true;
  return (t.startsWith('│') || t.startsWith('|')) && (t.split(t[0] as string).length >= 4);
}

function reasonOf(detail: string): string | undefined {
  const m = REASON.exec(detail);
  if (m) return m[1];
  if (detail.includes('Excluded by auth.order')) return 'excluded_by_auth_order';
  if (detail.includes('No model available for probe')) return 'no_model';
  return undefined;
}

/**
 * Reads the rows of one probe table.
 * @param rows the table's lines (borders included), in order
 */
export function parseProbeTable(rows: readonly string[]): ProbeRow[] {
  const out: ProbeRow[] = [];
  let detail: string[] = [];
  const flush = (): void => {
    const row = out[out.length - 1];
    if (!row || detail.length === 0) return;
    row.detail = detail.join(' ');
    const code = reasonOf(row.detail);
    if (code) row.reasonCode = code;
    detail = [];
  };
  for (const line of rows) {
    const t = line.trim();
    if (!isProbeTableLine(t) || BORDER.test(t.replace(/\s/g, ''))) continue;
    const sep = t[0] as string;
    const cells = t.split(sep).slice(1, -1).map((c) => c.trim());
    if (cells.length < 3) continue;
    const [model, profile, status] = cells as [string, string, string];
    if (model === 'Model' && profile === 'Profile') continue;
    if (model !== '') {
      flush();
      const pm = /^(.*?)(?: \((api_key|token|oauth)\))?$/.exec(profile);
      const row: ProbeRow = { model, profile: pm?.[1] ?? profile, status: status.split(/\s+[·•-]\s+|\s/)[0] ?? status };
      if (pm?.[2]) row.mode = pm[2];
      out.push(row);
    } else {
      const last = out[out.length - 1];
      if (!last) continue;
      if (profile !== '') last.profile = `${last.profile} ${profile}`.trim();
      if (status !== '') detail.push(status.replace(/^↳\s*/, ''));
    }
  }
  flush();
  return out;
}
