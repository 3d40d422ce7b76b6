/**
 * Where the user is, read from shell prompts (`bash-3.2$` and `user@Mac-mini ~ %` → macOS,
 * `PS C:\…>` → Windows, `user@host:~$` → Linux) and paths (`/Users/…` → macOS, `/home/…` or
 * `/root/…` → Linux, `C:\Users\…` → Windows, `/mnt/c/…` → WSL), and the service manager named in
 * the paste (systemd, launchd, docker). One fact per distinct finding.
 */
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

function osOfPath(text: string): Os | undefined {
  if (/(?:^|[\s"'`=(:])\/mnt\/[a-z]\//.test(text)) return 'wsl';
  if (/(?:^|[\s"'`=(:])\/Users\/[\w.-]+/.test(text)) return 'macos';
  if (/(?:^|[\s"'`=(:])\/(?:home\/[\w.-]+|root)\/\.openclaw\b/.test(text)) return 'linux';
  if (/\b[A-Za-z]:(?:\\{1,2}|\/)Users(?:\\{1,2}|\/)/.test(text)) return 'windows';
  return undefined;
}

function serviceOf(text: string): Env['service'] | undefined {
  if (/\bsystemctl\b|\bsystemd\b/.test(text)) return 'systemd';
  if (/\blaunchctl\b|\blaunchd\b|LaunchAgents/.test(text)) return 'launchd';
  if (/\bdocker(?: compose|-compose| exec| run)\b/.test(text)) return 'docker';
  // "I'm on Docker", "it runs in a container".
  if (/\b(?:on|in|inside|under|with|via) (?:a )?(?:docker|container)\b/i.test(text)) return 'docker';
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
    const os = osOfPath(t);
    if (os) add(`os:${os}`, { kind: 'environment', source: spanOf(ctx, line), confidence: 0.8, os, from: 'path' });
    const service = serviceOf(t);
    if (service) add(`service:${service}`, { kind: 'environment', source: spanOf(ctx, line), confidence: 0.7, service, from: 'service' });
  }
  return facts;
};
