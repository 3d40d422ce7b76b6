/**
 * Where the user is, read from shell prompts (`bash-3.2$` and `user@Mac-mini ~ %` → macOS,
 * `PS C:\…>` → Windows, `user@host:~$` → Linux) and paths (`/Users/…` → macOS, `/home/…` or
 * `/root/…` → Linux, `C:\Users\…` → Windows, `/mnt/c/…` → WSL), and the service manager named in
 * the paste (systemd, launchd, docker). One fact per distinct finding.
 */
import { keywordGate } from '../text/keyword-gate.ts';
import { spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';

type Env = FactOf<'environment'>;
type Os = NonNullable<Env['os']>;

function osOfPrompt(prompt: string): Os | undefined {
  if (/^bash-3\.2[$#]$/.test(prompt)) return 'macos';
  if (/^PS [A-Za-z]:|^[A-Za-z]:\\/.test(prompt)) return 'windows';
  if (/@[\w.-]*(?:Mac|MBP|iMac|MacBook)[\w.-]* [^%]*%$/i.test(prompt) || / ~ %$/.test(prompt)) return 'macos';
  if (/^[\w.-]+@[\w.-]+:\/mnt\/[a-z]\b/.test(prompt)) return 'wsl';
  if (/^[\w.-]+@[\w.-]+:[^$#]*[$#]$/.test(prompt)) return 'linux';
  return undefined;
}

/** OS by a path in the text, first match wins. */
const OS_PATHS: readonly [RegExp, Os][] = [
  [/(?:^|[\s"'`=(:])\/mnt\/[a-z]\//, 'wsl'],
  [/(?:^|[\s"'`=(:])\/Users\/[\w.-]+/, 'macos'],
  [/(?:^|[\s"'`=(:])\/(?:home\/[\w.-]+|root)\/\.openclaw\b/, 'linux'],
  [/\b[A-Za-z]:(?:\\{1,2}|\/)Users(?:\\{1,2}|\/)/, 'windows'],
];

/** Service manager named in the text, first match wins. */
const SERVICES: readonly [RegExp, NonNullable<Env['service']>][] = [
  [/\bsystemctl\b|\bsystemd\b/, 'systemd'],
  [/\blaunchctl\b|\blaunchd\b|LaunchAgents/, 'launchd'],
  [/\bdocker(?: compose|-compose| exec| run)\b/, 'docker'],
  // "I'm on Docker", "it runs in a container".
  [/\b(?:on|in|inside|under|with|via) (?:a )?(?:docker|container)\b/i, 'docker'],
];

/** One scan of a line for the literals of the path and service regexes (OS_PATHS, then SERVICES): only those run. */
export const ENVIRONMENT_GATE = keywordGate([...OS_PATHS, ...SERVICES].map(([re]) => re));

function firstOf<T>(table: readonly [RegExp, T][], text: string, may: Uint8Array, from: number): T | undefined {
  for (const [i, [re, value]] of table.entries()) if (may[from + i] && re.test(text)) return value;
  return undefined;
}

/** Reads OS and service hints. */
export const parseEnvironment: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  const seen = new Set<string>();
  const add = (key: string, fact: Env): void => {
    if (seen.has(key)) return;
    seen.add(key);
    facts.push(fact);
  };
  for (const line of lines) {
    if (line.prompt && line.prompt !== '!') {
      const os = osOfPrompt(line.prompt);
      if (os) add(`os:${os}`, { kind: 'environment', source: spanOf(ctx, line), confidence: 0.9, os, from: 'prompt' });
    }
    const t = line.command ?? line.text;
    if (t === '' || t.length > 2000 || !/[/\\]|system|launch|docker|container/i.test(t)) continue;
    const may = ENVIRONMENT_GATE.scan(t);
    const os = firstOf(OS_PATHS, t, may, 0);
    if (os) add(`os:${os}`, { kind: 'environment', source: spanOf(ctx, line), confidence: 0.8, os, from: 'path' });
    const service = firstOf(SERVICES, t, may, OS_PATHS.length);
    if (service) add(`service:${service}`, { kind: 'environment', source: spanOf(ctx, line), confidence: 0.7, service, from: 'service' });
  }
  return facts;
};
