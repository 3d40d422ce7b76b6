/**
 * A shell's complaint about what the user typed (seed 001): `/bin/sh: line 1: !openclaw: command
 * not found`, `zsh: no such file or directory: /reset`, `zsh: command not found: /new`,
 * `bash: /reset: No such file or directory`, `sh: 1: openclaw: not found`, Windows
 * `'openclaw' is not recognized …` and PowerShell `The term 'openclaw' is not recognized …`.
 */
import { spanOf, type Parser } from './context.ts';
import type { Fact } from './facts.ts';

type Hit = { shell?: string; error: 'command_not_found' | 'no_such_file'; target: string };

const PATTERNS: [RegExp, (m: RegExpExecArray) => Hit][] = [
  [/^(zsh|bash|fish)(?::\d{1,6})?: (command not found|no such file or directory): (\S{1,300})$/i, (m) => ({ shell: m[1], error: /command/i.test(m[2] as string) ? 'command_not_found' : 'no_such_file', target: m[3] as string })],
  [/^((?:\/(?:usr\/)?bin\/)?(?:ba|z|da)?sh)(?:: line \d{1,6}| ?: ?\d{1,6})?: (\S{1,300}): (command not found|not found|No such file or directory)$/i, (m) => ({ shell: (m[1] as string).split('/').pop(), error: /file/i.test(m[3] as string) ? 'no_such_file' : 'command_not_found', target: m[2] as string })],
  [/^'([^']{1,200})' is not recognized as an internal or external command/, (m) => ({ shell: 'cmd', error: 'command_not_found', target: m[1] as string })],
  [/The term '([^']{1,200})' is not recognized as (?:the )?name of a cmdlet/, (m) => ({ shell: 'powershell', error: 'command_not_found', target: m[1] as string })],
];

/** Reads shell error lines. */
export const parseShellErrors: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  for (const line of lines) {
    const t = line.text.trim();
    // Cheap first look: every pattern has `: ` (the shells) or a quote (cmd, PowerShell).
    if (t === '' || t.length > 600 || (!t.includes(': ') && !t.includes("'"))) continue;
    for (const [re, build] of PATTERNS) {
      const m = re.exec(t);
      if (!m) continue;
      const hit = build(m);
      const fact: Fact = { kind: 'shell_error', source: spanOf(ctx, line), confidence: 1, error: hit.error, target: hit.target };
      if (hit.shell) fact.shell = hit.shell;
      facts.push(fact);
      break;
    }
  }
  return facts;
};
