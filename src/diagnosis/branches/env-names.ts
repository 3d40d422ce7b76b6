/**
 * Environment variable names: the ones OpenClaw reads per provider (openclaw-cli.md §5.1, §1.2),
 * and the look-alikes people set instead (branches.md env_var_name_unrecognized).
 */
import type { Fact } from '../../evidence/facts.ts';
import type { EvidenceView } from '../view.ts';

/** The variable OpenClaw reads for a provider's API key (§5.1 login-shell list, §1.2 env probe). */
const READ_NAME: Record<string, string> = {
  anthropic: 'ANTHROPIC_API_KEY',
  openai: 'OPENAI_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  google: 'GEMINI_API_KEY',
  zai: 'ZAI_API_KEY',
  minimax: 'MINIMAX_API_KEY',
  kilocode: 'KILOCODE_API_KEY',
  synthetic: 'SYNTHETIC_API_KEY',
};

/** The variable for a provider's key, or undefined when the reference does not name one. */
export function envVarFor(provider: string): string | undefined {
  return READ_NAME[provider];
}

/** Names people use → the name OpenClaw reads. */
export const RIGHT_NAME: Record<string, string> = {
  CLAUDE_CODE_OAUTH_TOKEN: 'ANTHROPIC_OAUTH_TOKEN',
  CLAUDE_OAUTH_TOKEN: 'ANTHROPIC_OAUTH_TOKEN',
  ANTHROPIC_KEY: 'ANTHROPIC_API_KEY',
  ANTHROPIC_TOKEN: 'ANTHROPIC_API_KEY',
  CLAUDE_API_KEY: 'ANTHROPIC_API_KEY',
  CLAUDE_KEY: 'ANTHROPIC_API_KEY',
  ANTHROPIC_API_KEYS: 'ANTHROPIC_API_KEY',
  OPEN_ROUTER_API_KEY: 'OPENROUTER_API_KEY',
  OPENROUTER_KEY: 'OPENROUTER_API_KEY',
  OPENAI_KEY: 'OPENAI_API_KEY',
  GOOGLE_GEMINI_API_KEY: 'GEMINI_API_KEY',
  MINIMAX_KEY: 'MINIMAX_API_KEY',
};

/** Variable names the user shows they set: statements, `export X=…` lines, `env.X` config paths. */
export function namesSet(view: EvidenceView): { name: string; fact: Fact }[] {
  const out: { name: string; fact: Fact }[] = [];
  for (const s of view.all('statement')) if (s.topic === 'set_env_var' && s.value) out.push({ name: s.value.toUpperCase(), fact: s });
  for (const c of view.all('command_run')) {
    const m = /^(?:export\s+)?([A-Z][A-Z0-9_]{2,40})=/.exec(c.command) ?? /([A-Z][A-Z0-9_]{2,40})=/.exec(c.command.slice(0, 200));
    if (m) out.push({ name: m[1]!, fact: c });
  }
  for (const v of view.all('config_value')) {
    const m = /^env\.(?:vars\.)?([A-Z][A-Z0-9_]{2,40})$/.exec(v.path);
    if (m) out.push({ name: m[1]!, fact: v });
  }
  return out;
}
