// Runs the real `openclaw` CLI for one setup, with no way to reach a provider:
// - `unshare -mn`: a network namespace with only loopback (requests fail at once, EAI_AGAIN) and
//   a private mount namespace in which the setup's own directory is bind-mounted over /home and a
//   fresh tmpfs over /tmp (OpenClaw's fixed log and lock dirs, /tmp/openclaw*, stay private);
// - `env -i`: only PATH, HOME=/home/<user>, USER, LANG, TERM, TZ, TMPDIR and the setup's variables.
// Paths therefore print as a real user's `~/.openclaw/…`.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

/**
 * Runs `openclaw <args>` and returns what a terminal shows (stdout and stderr through one pipe),
 * the exit code and the time taken in ms.
 * @param opts.node Node 24 binary; opts.entry openclaw.mjs; opts.homes dir holding `<user>/`;
 *   opts.user login name; opts.env extra variables; opts.timeoutMs kill after (default 120 s);
 *   opts.tty run under a pseudo-TTY (`script -qfec`) to get the banner.
 */
export function runOpenClaw(args, opts) {
  const { node, entry, homes, user = 'alice', env = {}, timeoutMs = 120_000, tty = false, stdin } = opts;
  const vars = {
    PATH: `${dirname(node)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: `/home/${user}`,
    USER: user,
    LOGNAME: user,
    LANG: 'C.UTF-8',
    TERM: tty ? 'xterm-256color' : 'dumb',
    TZ: 'UTC',
    TMPDIR: '/tmp',
    NO_COLOR: '1',
    ...env,
  };
  const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  const envArgs = Object.entries(vars).map(([k, v]) => q(`${k}=${v}`)).join(' ');
  const cmd = `cd /home/${user} && env -i ${envArgs} ${q(node)} ${q(entry)} ${args.map(q).join(' ')} 2>&1`;
  const inner = tty ? `script -qfec ${q(cmd)} /dev/null` : cmd;
  const shell =
    `mount --make-rprivate / && mount --bind ${q(homes)} /home && mount -t tmpfs tmpfs /tmp && ` +
    `exec sh -c ${q(inner)}`;
  const t0 = Date.now();
  const r = spawnSync('unshare', ['-mn', 'sh', '-c', shell], {
    encoding: 'utf8',
    timeout: timeoutMs,
    input: stdin ?? '',
    maxBuffer: 32 * 1024 * 1024,
  });
  return {
    output: r.stdout ?? '',
    exitCode: r.status ?? (r.signal ? `signal:${r.signal}` : 'unknown'),
    timedOut: r.error?.code === 'ETIMEDOUT',
    ms: Date.now() - t0,
  };
}

