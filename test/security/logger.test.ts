/**
 * Real pino output, captured from the logger's destination stream, never contains a secret:
 * not in messages, format arguments, nested objects, errors (message, stack, cause, extra
 * properties, aggregate errors), child bindings — and the lines stay valid JSON that still says
 * what happened (level, masked credential type).
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { maskDeep } from '../../src/log/mask-deep.ts';
import { FAKE_CREDENTIALS, tracesIn } from '../fixtures/secrets/fake-credentials.ts';

const secret = (t: string) => FAKE_CREDENTIALS.find((c) => c.credentialType === t)!.secret;
const ANTHROPIC = secret('anthropic_api_key');
const DISCORD = secret('discord_bot_token');
const GATEWAY = FAKE_CREDENTIALS.find((c) => c.variable === 'OPENCLAW_GATEWAY_TOKEN')!.secret;

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (s: string) => void lines.push(s) } });
  return { logger, lines, output: () => lines.join('') };
}

describe('logger output', () => {
  it('masks a secret in the message and in format arguments', () => {
    const { logger, lines, output } = capture();
    logger.info(`user pasted ${ANTHROPIC}`);
    logger.warn('token %s for %s', DISCORD, 'guild');
    expect(tracesIn(output(), FAKE_CREDENTIALS)).toEqual([]);
    expect(JSON.parse(lines[0]!).msg).toBe(`user pasted sk-ant-api03-…${ANTHROPIC.slice(-4)}`);
    expect(JSON.parse(lines[1]!).msg).toBe(`token discord-bot-token:…${DISCORD.slice(-4)} for guild`);
  });

  it('masks secrets anywhere in a logged object, and censors message content by path', () => {
    const { logger, lines, output } = capture();
    logger.info(
      { thread: { id: '1', env: [`OPENCLAW_GATEWAY_TOKEN=${GATEWAY}`] }, note: ANTHROPIC, text: 'the whole message', apiKey: ANTHROPIC },
      'stored',
    );
    expect(tracesIn(output(), FAKE_CREDENTIALS)).toEqual([]);
    const line = JSON.parse(lines[0]!);
    expect(line.thread.env[0]).toBe(`OPENCLAW_GATEWAY_TOKEN=…${GATEWAY.slice(-4)}`);
    expect(line.text).toBe('[redacted]');
    expect(line.apiKey).toBe('[redacted]');
  });

  it('masks an error logged alone: message, stack and the line message pino copies from it', () => {
    const { logger, lines, output } = capture();
    const err = new Error(`401 for key ${ANTHROPIC}`);
    logger.error(err);
    expect(tracesIn(output(), FAKE_CREDENTIALS)).toEqual([]);
    const line = JSON.parse(lines[0]!);
    expect(line.msg).toContain('sk-ant-api03-…');
    expect(line.err.stack).toContain('sk-ant-api03-…');
    expect(line.err.type).toBe('Error');
  });

  it('masks errors with a cause, extra properties, aggregated errors, and in { err } objects', () => {
    const { logger, output } = capture();
    const cause = new Error(`provider rejected ${ANTHROPIC}`);
    const err = Object.assign(new Error('request failed', { cause }), { config: { headers: { Authorization: `Bearer ${GATEWAY}` } } });
    logger.error({ err }, 'discord call failed');
    logger.error({ err: new Error(`bad ${DISCORD}`) });
    logger.error(new AggregateError([new Error(`one ${ANTHROPIC}`)], 'several failed'));
    expect(tracesIn(output(), FAKE_CREDENTIALS)).toEqual([]);
  });

  it('masks child-logger bindings and non-Error throwables', () => {
    const { logger, output } = capture();
    logger.child({ session: `OPENCLAW_GATEWAY_TOKEN=${GATEWAY}` }).info('child');
    logger.error({ err: `thrown string ${ANTHROPIC}` }, 'odd throw');
    expect(tracesIn(output(), FAKE_CREDENTIALS)).toEqual([]);
  });

  it('masks a key broken across lines in messages, objects and errors (JSON escaping would hide the break)', () => {
    const { logger, output } = capture();
    const wrapped = `${ANTHROPIC.slice(0, 50)}\n${ANTHROPIC.slice(50)}`;
    logger.info(`pasted:\n${wrapped}\nend`);
    logger.info({ paste: { lines: `export ANTHROPIC_API_KEY="${wrapped}"` } }, 'object');
    logger.error(new Error(`rejected ${wrapped}`));
    logger.error({ err: new Error(`rejected ${wrapped}`) }, 'in err');
    expect(tracesIn(output(), FAKE_CREDENTIALS)).toEqual([]);
  });

  it('survives cyclic and very deep objects', () => {
    const { logger, lines } = capture();
    const cyclic: Record<string, unknown> = { key2: ANTHROPIC };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: ANTHROPIC };
    for (let i = 0; i < 50; i++) deep = { deep };
    logger.info({ cyclic, deep }, 'odd objects');
    expect(tracesIn(lines.join(''), FAKE_CREDENTIALS)).toEqual([]);
    expect(JSON.parse(lines[0]!).msg).toBe('odd objects');
  });
});

describe('maskDeep', () => {
  it('copies plain data with strings masked and leaves the original untouched', () => {
    const input = { a: [ANTHROPIC, 1, null], b: { c: ANTHROPIC } };
    const out = maskDeep(input) as typeof input;
    expect(out.a[0]).toBe(`sk-ant-api03-…${ANTHROPIC.slice(-4)}`);
    expect(out.b.c).toBe(`sk-ant-api03-…${ANTHROPIC.slice(-4)}`);
    expect(input.b.c).toBe(ANTHROPIC);
  });
});
