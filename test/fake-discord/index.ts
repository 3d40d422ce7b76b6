/**
 * A fake Discord on 127.0.0.1 for the real discord.js client: REST v10 (node `http`) and the JSON
 * gateway (`ws`) on one free port. Facts and pitfalls: the comments in this folder.
 *
 *   const fake = await FakeDiscord.start();
 *   const client = new Client({ intents, partials, ...fake.clientOptions() });
 *   fake.act.forumPost(user, 'title', 'text');  fake.recorder.requests('POST', /messages$/);
 *   await fake.stop();
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Actions } from './actions.ts';
import { clientOptionsFor, type FakeClientOptions } from './client-options.ts';
import { guildCreate } from './builders/guild.ts';
import { ready } from './builders/ready.ts';
import type { FakeContext } from './context.ts';
import { FakeGateway } from './gateway.ts';
import { GatewayFaults } from './gateway-faults.ts';
import { InteractionLog } from './interaction-log.ts';
import { Recorder } from './recorder.ts';
import { RestFaults } from './rest-faults.ts';
import { RestServer } from './rest.ts';
import { channelRoutes } from './routes/channels.ts';
import { interactionRoutes } from './routes/interactions.ts';
import { miscRoutes } from './routes/misc.ts';
import { FakeState } from './state.ts';

export class FakeDiscord {
  readonly state = new FakeState();
  readonly recorder = new Recorder();
  readonly interactions = new InteractionLog();
  readonly faults = { rest: new RestFaults(), gateway: new GatewayFaults() };
  readonly gateway: FakeGateway;
  readonly act: Actions;
  private readonly server: Server;
  private readonly rest: RestServer;
  private readonly ctx: FakeContext;
  port = 0;

  private constructor() {
    const s = this.state;
    this.gateway = new FakeGateway(this.faults.gateway, {
      ready: (session) => ready({ bot: s.bot, applicationId: s.applicationId, guildIds: [s.guildId], sessionId: session.id, resumeUrl: this.wsUrl }),
      guildCreate: () => guildCreate({
        id: s.guildId,
        name: s.guildName,
        ownerId: s.ownerId,
        applicationId: s.applicationId,
        joinedAt: s.createdAt,
        roles: [...s.roles.values()],
        members: [...s.members.values()],
        channels: [s.forum, s.helperChannel, s.modLogChannel, s.generalChannel],
        threads: s.activeThreads() as never[],
      }),
    }, s.bot.id);
    this.ctx = { state: s, gateway: this.gateway, interactions: this.interactions, baseUrl: '' };
    this.rest = new RestServer(this.ctx, [...channelRoutes, ...interactionRoutes, ...miscRoutes(() => this.wsUrl)], this.recorder, this.faults.rest);
    this.server = createServer(this.rest.handle);
    this.server.keepAliveTimeout = 60_000;
    this.gateway.attach(this.server);
    this.act = new Actions(this.ctx);
  }

  /** Starts the fake on 127.0.0.1 on a free port. */
  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    fake.ctx.baseUrl = fake.baseUrl;
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** discord.js Client options pointing at this fake (client-options.ts). */
  clientOptions(o: FakeClientOptions = {}) {
    return clientOptionsFor(this.baseUrl, o);
  }

  /** Stops everything: sockets terminated, hung requests destroyed, port closed. */
  async stop(): Promise<void> {
    this.gateway.close();
    this.rest.close();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export type { RecordedRequest } from './recorder.ts';
export type { InteractionRecord } from './interaction-log.ts';
export type { FileSpec } from './actions.ts';
