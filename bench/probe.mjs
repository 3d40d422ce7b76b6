// Preload for bench/profile.ts (`node --import ./bench/probe.mjs …`), answering over IPC:
//  { type: 'sql', reset? }  → { type: 'sql', counts, micros }: every SQLite statement run (better-
//                             sqlite3's run/get/all/iterate, transactions' BEGIN/COMMIT included) and
//                             the µs spent in them, by SQL text;
//  { type: 'profile-start' } / { type: 'profile-stop' } → { type: 'profile', profile }: a CPU profile
//                             (node:inspector) of just the span between the two;
//  { type: 'alloc-start' } / { type: 'alloc-stop' } → { type: 'alloc', profile }: a sampling heap
//                             profile (what was allocated, by stack) of the span between the two;
//  { type: 'heap' }          → { type: 'heap', file }: a heap snapshot written after a GC;
//  { type: 'handles' }       → { type: 'handles', kinds, memory }: libuv handles by kind, memoryUsage().
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import Database from 'better-sqlite3';

const counts = new Map();
const micros = new Map();
const keys = new WeakMap();
const probe = new Database(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('SELECT 1'));
probe.close();
for (const name of ['run', 'get', 'all', 'iterate']) {
  const original = proto[name];
  proto[name] = function counted(...args) {
    let sql = keys.get(this);
    if (sql === undefined) keys.set(this, (sql = this.source.replace(/\s+/g, ' ').slice(0, 90)));
    counts.set(sql, (counts.get(sql) ?? 0) + 1);
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      micros.set(sql, (micros.get(sql) ?? 0) + (performance.now() - t0) * 1000);
    }
  };
}

const session = new Session();
const post = (method, params = {}) =>
  new Promise((resolve, reject) => session.post(method, params, (err, r) => (err ? reject(err) : resolve(r))));

process.on('message', (m) => {
  if (m?.type === 'sql') {
    process.send?.({ type: 'sql', counts: Object.fromEntries(counts), micros: Object.fromEntries(micros) });
    if (m.reset) {
      counts.clear();
      micros.clear();
    }
  } else if (m?.type === 'handles') {
    const kinds = {};
    for (const h of process._getActiveHandles()) kinds[h.constructor.name] = (kinds[h.constructor.name] ?? 0) + 1;
    process.send?.({ type: 'handles', kinds, memory: process.memoryUsage() });
  } else if (m?.type === 'heap') {
    globalThis.gc?.();
    process.send?.({ type: 'heap', file: writeHeapSnapshot(join(tmpdir(), `pincer-${process.pid}-${Date.now()}.heapsnapshot`)) });
  } else if (m?.type === 'profile-start') {
    session.connect();
    void post('Profiler.enable')
      .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
      .then(() => post('Profiler.start'))
      .then(() => process.send?.({ type: 'profile-started' }));
  } else if (m?.type === 'alloc-start') {
    session.connect();
    void post('HeapProfiler.enable')
      .then(() => post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }))
      .then(() => process.send?.({ type: 'alloc-started' }));
  } else if (m?.type === 'alloc-stop') {
    void post('HeapProfiler.stopSampling').then(({ profile }) => {
      session.disconnect();
      process.send?.({ type: 'alloc', profile });
    });
  } else if (m?.type === 'profile-stop') {
    void post('Profiler.stop').then(({ profile }) => {
      session.disconnect();
      process.send?.({ type: 'profile', profile });
    });
  }
});
