import { describe, expect, it } from 'vitest';
import { splitPastes } from '../../src/cli/paste-splitter.ts';

// A `models status` paste has single blank lines inside it (§1.10 example A).
const MODELS_STATUS = `Config        : ~/.openclaw/openclaw.json
Configured models (0): all

Auth overview
Auth store    : ~/.openclaw/agents/main/agent/auth-profiles.json

Missing auth
- anthropic Run \`claude setup-token\`, then \`openclaw models auth setup-token\` or \`openclaw configure\`.`;

describe('splitting terminal input into pastes', () => {
  it('keeps a paste with single blank lines whole', () => {
    expect(splitPastes(`${MODELS_STATUS}\n.\n`)).toEqual([MODELS_STATUS]);
  });

  it('ends a paste at a line holding only "." or at two empty lines', () => {
    expect(splitPastes('locally\n.\nyes\n\n\nim on macOS')).toEqual(['locally', 'yes', 'im on macOS']);
  });

  it('answers the last paste at end of input, without a terminator', () => {
    expect(splitPastes('first\n.\nrun error: HTTP 401 authentication_error: invalid x-api-key')).toEqual([
      'first',
      'run error: HTTP 401 authentication_error: invalid x-api-key',
    ]);
  });

  it('drops empty pastes and CRLF line ends', () => {
    expect(splitPastes('.\r\n.\r\nhello\r\n.\r\n')).toEqual(['hello']);
  });
});
