/**
 * Family E: using the tools — the TUI's `!` shell, slash commands typed in a terminal, the
 * onboarding wizard, and pasted secrets (branches.md §E; TUI facts §4.4, §5.0).
 */
import { statements } from '../signals.ts';
import type { Rule } from '../types.ts';

const DOCS_TUI = 'https://docs.openclaw.ai/help/troubleshooting';
const SLASH = /^\/(reset|new|model|exit|status|think|help|quit|clear|compact|agent|session)\b/;

const ONE_BANG = 'Send ONE `!` command per TUI message (allow local shell if asked).';

export const tuiMultilineShell: Rule = {
  id: 'tui_multiline_shell',
  family: 'tools',
  title: 'Several `!` lines were sent to the TUI at once',
  priority: 90,
  signals: [
    {
      fact: 'shell_error',
      current: true,
      where: { target: { re: '^!' } },
      quote: '{target}: command not found',
      reason: '`{quote}`: the TUI strips the `!` only on the first line of a message; the next lines reach the shell with it.',
      text: '`!openclaw: command not found` in the message being answered (several `!` lines pasted at once into the TUI)',
      specificity: 3,
    },
  ],
  then: 'paste its output',
  docs: DOCS_TUI,
  commands: [],
  steps: [
    { versions: 'any', command: '!openclaw models status', commandKind: 'tui', runIn: 'tui', why: ONE_BANG, then: 'Paste its output here.' },
    // `models status` is already here: the order is the next thing to see.
    { case: 'status_shown', versions: 'any', command: '!openclaw models auth order get --provider anthropic', commandKind: 'tui', runIn: 'tui', why: ONE_BANG, then: 'Paste its output here.' },
  ],
  stepCase: (ctx) => (ctx.view.all('models_status').some((s) => !s.partial) ? 'status_shown' : undefined),
};

export const tuiCommandInShell: Rule = {
  id: 'tui_command_in_shell',
  family: 'tools',
  title: 'A TUI slash command was typed in a terminal',
  priority: 90,
  then: 'retry',
  docs: DOCS_TUI,
  commands: [
    { kind: 'tui', template: '/reset' },
    { kind: 'tui', template: '/new' },
    { kind: 'tui', template: '/model' },
  ],
  signals: [
    {
      // The shell's complaint about what was just typed; zsh names itself, bash may not.
      fact: 'shell_error',
      current: true,
      where: { target: { re: SLASH.source } },
      quote: '{?{shell}: }{error|words}: {target}',
      reason: '`{quote}`: `{target}` is a TUI command, and the shell took it for a path.',
      text: '`zsh: no such file or directory: /reset` / `command not found: /new`',
      specificity: 3,
    },
  ],
  steps: [
    {
      versions: 'any',
      command: '<slash>',
      commandKind: 'tui',
      runIn: 'tui',
      why: "Type `<slash>` in the TUI's input box (open it with `openclaw tui`), not in the shell.",
      then: 'Then retry your message there.',
    },
  ],
  values(ctx) {
    const target = ctx.view.inCurrent('shell_error').filter((e) => SLASH.test(e.target)).at(-1)?.target ?? '/reset';
    return { '<slash>': SLASH.exec(target)?.[0] ?? '/reset' };
  },
};

export const wizardKeptExistingValues: Rule = {
  id: 'wizard_kept_existing_values',
  family: 'tools',
  title: 'The wizard kept the old values',
  priority: 40,
  signals: [
    {
      // The screen the user is looking at now; an old paste of it says nothing about later runs.
      fact: 'wizard',
      current: true,
      where: { screen: 'config_handling', selected: { re: 'existing' } },
      quote: '● {selected}',
      reason: '`{quote}` keeps the key you already had, so nothing changes.',
      text: 'the onboarding `Config handling` screen with `● Use existing values`',
    },
  ],
  then: '`openclaw models status`',
  docs: 'https://docs.openclaw.ai/providers/anthropic',
  commands: [],
  steps: [
    {
      versions: 'any',
      command: 'openclaw onboard',
      why: 'On `Config handling`, press ↓ once so `●` sits on `Update values`, then Enter; paste the key unchanged when asked.',
      then: 'Then `openclaw models status`.',
    },
  ],
};

const REVOKE = 'Revoke that credential now in the provider console and create a new one.';
const PUBLIC = 'It was posted in full; treat it as public.';

export const secretInMessage: Rule = {
  id: 'secret_in_message',
  family: 'tools',
  title: 'A full credential was pasted',
  priority: 0,
  reportable: false,
  signals: [
    {
      fact: 'secret',
      current: true,
      reason: 'a full {credentialType|words} (`{masked}`) was in the message',
      text: 'a full live-looking credential in the message (Anthropic, OpenAI, OpenRouter, Discord bot token …); never the reported branch',
      specificity: 3,
    },
  ],
  then: 'create a new key and set it on the gateway host',
  docs: 'https://docs.openclaw.ai/gateway/authentication',
  commands: [],
  steps: [
    { versions: 'any', kind: 'action', text: REVOKE, why: PUBLIC, then: 'Create a new one and set it on the gateway host.' },
    // The user already has a new Console key: only setting it remains.
    { case: 'new_key_said', versions: 'any', kind: 'action', text: REVOKE, why: PUBLIC, then: 'Set the new key on the gateway host.' },
  ],
  stepCase: (ctx) => (statements(ctx.view, 'console_key').length > 0 ? 'new_key_said' : undefined),
};
