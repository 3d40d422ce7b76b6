/** What the REST routes and the test-facing actions share: the world, the gateway, the URLs. */
import type { FakeGateway } from './gateway.ts';
import type { InteractionLog } from './interaction-log.ts';
import type { FakeState } from './state.ts';

export interface FakeContext {
  state: FakeState;
  gateway: FakeGateway;
  interactions: InteractionLog;
  /** `http://127.0.0.1:<port>`; attachment URLs are served under it. */
  baseUrl: string;
}
