/**
 * The fake gateway: JSON over `ws` on the fake's HTTP server (path `/gateway`). HELLO, heartbeat
 * ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME with replay of buffered dispatches, intent
 * filtering, and the fault controls of fake-discord.md §6. After op 7 or op 9 a socket gets no
 * more dispatches (pitfall 16); they are buffered for a RESUME instead.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayDispatchEvents as E, GatewayOpcodes as Op } from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { applyMessageContentIntent, requiredIntent } from './intents.ts';
import { token } from './ids.ts';
import type { GatewayFaults } from './gateway-faults.ts';

export interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

export interface Session {
  id: string;
  intents: number;
  seq: number;
  /** Recent dispatches for RESUME (capped). */
  buffer: Dispatch[];
  conn: Conn | null;
}

export interface Conn {
  ws: WebSocket;
  session: Session | null;
  /** Sent op 7 / op 9: no more dispatches on this socket. */
  muted: boolean;
}

/** Builds READY and GUILD_CREATE for a new session. */
export interface GatewayHello {
  ready: (s: Session) => unknown;
  guildCreate: () => unknown;
}

const BUFFER_CAP = 5_000;

export class FakeGateway extends EventEmitter {
  /** Heartbeat interval announced in HELLO (ms). Lower it to test zombie detection. */
  heartbeatInterval = 41_250;
  /** Returns false to reject a token with close 4004. */
  acceptToken: (token: string) => boolean = () => true;
  readonly sessions = new Map<string, Session>();
  readonly conns = new Set<Conn>();
  readonly counts = { identify: 0, resume: 0, heartbeat: 0, dispatched: 0 };
  private readonly wss = new WebSocketServer({ noServer: true });

  private readonly faults: GatewayFaults;
  private readonly hello: GatewayHello;
  private readonly botId: string;

  constructor(faults: GatewayFaults, hello: GatewayHello, botId: string) {
    super();
    this.faults = faults;
    this.hello = hello;
    this.botId = botId;
  }

  /** Route `GET /gateway` upgrades of `server` here. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith('/gateway') || this.faults.takeRejectedUpgrade()) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws));
    });
  }

  private open(ws: WebSocket): void {
    const conn: Conn = { ws, session: null, muted: false };
    this.conns.add(conn);
    ws.on('message', (raw) => this.receive(conn, raw.toString()));
    ws.on('close', (code) => {
      this.conns.delete(conn);
      if (conn.session?.conn === conn) conn.session.conn = null;
      // A client that closes normally ends its session, as on Discord.
      if (conn.session && (code === 1000 || code === 1001)) this.sessions.delete(conn.session.id);
    });
    ws.on('error', () => {});
    this.send(conn, { op: Op.Hello, d: { heartbeat_interval: this.heartbeatInterval } });
  }

  private send(conn: Conn, payload: unknown): void {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(payload));
  }

  private receive(conn: Conn, raw: string): void {
    let msg: { op: number; d: any };
    try {
      msg = JSON.parse(raw);
    } catch {
      conn.ws.close(4002, 'Decode error');
      return;
    }
    if (msg.op === Op.Heartbeat) {
      this.counts.heartbeat++;
      if (!this.faults.takeMissedAck()) this.send(conn, { op: Op.HeartbeatAck });
    } else if (msg.op === Op.Identify) this.identify(conn, msg.d);
    else if (msg.op === Op.Resume) this.resume(conn, msg.d);
  }

  private identify(conn: Conn, d: { token: string; intents: number }): void {
    this.counts.identify++;
    if (!this.acceptToken(d.token)) {
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    const session: Session = { id: token(), intents: d.intents, seq: 0, buffer: [], conn };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.push(session, E.Ready, this.hello.ready(session));
    this.push(session, E.GuildCreate, this.hello.guildCreate());
    this.emit('ready', session);
  }

  private resume(conn: Conn, d: { session_id: string; seq: number }): void {
    this.counts.resume++;
    const session = this.sessions.get(d.session_id);
    if (!session) {
      conn.muted = true;
      this.send(conn, { op: Op.InvalidSession, d: false });
      return;
    }
    if (session.conn && session.conn !== conn) session.conn.ws.terminate();
    session.conn = conn;
    conn.session = session;
    for (const e of session.buffer) if (e.s > d.seq) this.send(conn, { op: Op.Dispatch, ...e });
    this.push(session, E.Resumed, {});
    this.emit('resumed', session);
  }

  /** Append a dispatch to a session and send it if its socket may receive it. */
  private push(session: Session, t: string, d: unknown): void {
    const e = { s: ++session.seq, t, d };
    session.buffer.push(e);
    if (session.buffer.length > BUFFER_CAP) session.buffer.splice(0, session.buffer.length - BUFFER_CAP);
    const c = session.conn;
    if (c && !c.muted) this.send(c, { op: Op.Dispatch, ...e });
  }

  /**
   * Send event `t` to every live session whose intents allow it (blanking content per the
   * MessageContent intent). Delivered twice when a duplicate was armed.
   */
  dispatch(t: string, d: unknown): void {
    const needs = requiredIntent(t, d);
    const times = this.faults.takeDuplicate() ? 2 : 1;
    for (const session of this.sessions.values()) {
      if (needs && !(session.intents & needs)) continue;
      const seen = applyMessageContentIntent(t, d, session.intents, this.botId);
      for (let i = 0; i < times; i++) this.push(session, t, seen);
    }
    this.counts.dispatched++;
  }

  /** Close every live socket with `code` (1006: drop TCP without a close frame). */
  closeAll(code: number): void {
    for (const c of this.conns) {
      if (code === 1000 || code >= 4004) if (c.session) this.sessions.delete(c.session.id);
      if (code === 1006) c.ws.terminate();
      else c.ws.close(code);
    }
  }

  /** op 7: ask every client to reconnect and resume. */
  reconnect(): void {
    for (const c of this.conns) {
      c.muted = true;
      if (c.session?.conn === c) c.session.conn = null;
      this.send(c, { op: Op.Reconnect, d: null });
    }
  }

  /** op 9: invalid session; `resumable=false` also forgets the sessions (the client re-identifies). */
  invalidateSessions(resumable = false): void {
    for (const c of this.conns) {
      c.muted = true;
      if (c.session) {
        if (c.session.conn === c) c.session.conn = null;
        if (!resumable) this.sessions.delete(c.session.id);
      }
      this.send(c, { op: Op.InvalidSession, d: resumable });
    }
  }

  /** Number of sessions with a live, unmuted socket. */
  liveSessions(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.conn && !s.conn.muted) n++;
    return n;
  }

  close(): void {
    for (const c of this.conns) c.ws.terminate();
    this.wss.close();
  }
}
