/**
 * The OpenClaw TUI's status line, footer and header (§4.4, OpenClaw 2026.3.13, unchanged in 4.12):
 * `connected | error` (or busy `running • 3s | connected`), `agent main | session main
 * (openclaw-tui) | anthropic/claude-sonnet-4-6 | think adaptive | tokens ?/1.0m`, and
 * `openclaw tui - ws://127.0.0.1:18789 - agent main - session main`.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';

const CONNECTION = /^(connecting|connected|gateway connected|gateway reconnected|disconnected|gateway disconnected: [^|]{1,200}|event gap: [^|]{1,100})$/;
const ACTIVITY = /^(idle|sending|waiting|streaming|running|error|aborted|abort failed|disconnected|pairing required: [^|]{1,100})$/;
const FOOTER = /^agent ([\w.-]{1,64})(?: \([^)]{0,80}\))? \| session (\S{1,128})(?: \([^)]{0,80}\))?(?: \| (.*))?$/;
const HEADER = /^openclaw tui - (\S{1,300}) - agent ([\w.-]{1,64})(?: - session (\S{1,128}))?/;

function isLoopback(url: string): boolean {
  const host = /^\w+:\/\/(\[[^\]]{1,60}\]|[^/:]{1,200})/.exec(url)?.[1] ?? '';
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

/** Reads TUI status lines, footers and headers. */
export const parseTui: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '' || t.length > 600 || !(t.includes(' | ') || t.startsWith('openclaw tui'))) continue;
    const parts = t.split(' | ');
    if (parts.length === 2) {
      const [a, b] = parts as [string, string];
      const busy = /^(\w[\w ]{0,20}) [•·-] ([\dhms ]{1,12})$/.exec(a);
      if (CONNECTION.test(a) && ACTIVITY.test(b)) {
        facts.push({ kind: 'tui_status', source: spanOf(ctx, line), confidence: 1, connection: a, activity: b });
        continue;
      }
      if (busy && ACTIVITY.test(busy[1] as string) && CONNECTION.test(b)) {
        facts.push({ kind: 'tui_status', source: spanOf(ctx, line), confidence: 1, connection: b, activity: busy[1] as string });
        continue;
      }
    }
    const footer = FOOTER.exec(t);
    if (footer) {
      const fact: Fact = { kind: 'tui_footer', source: spanOf(ctx, line), confidence: 1, agentId: footer[1] as string, session: footer[2] as string };
      const modelRef = (footer[3] ?? '').split(' | ')[0]?.trim() ?? '';
      const slash = modelRef.indexOf('/');
      if (slash > 0 && !modelRef.includes(' ')) {
        fact.provider = modelRef.slice(0, slash);
        fact.model = modelRef.slice(slash + 1);
      }
      facts.push(fact);
      continue;
    }
    const header = HEADER.exec(t);
    if (header) {
      const url = header[1] as string;
      facts.push({ kind: 'tui_header', source: spanOf(ctx, line), confidence: 1, gatewayUrl: url, remote: !isLoopback(url), agentId: header[2] as string });
    }
  }
  return facts;
};
