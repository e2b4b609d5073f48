import { describe, expect, it, vi } from 'vitest';

// Next compiles lib/ into several bundles in one process, each with its own module instances. Re-importing the module
// after resetting the module registry is the same situation: the services must still be the process's one copy.
async function freshCopy() {
  vi.resetModules();
  return import('./process-services');
}

describe('process services', () => {
  it('shares one instance of each singleton between copies of the module', async () => {
    const first = await freshCopy();
    const second = await freshCopy();
    expect(first).not.toBe(second);
    const created = first.processSingleton('sqlCheckQueue', () => ({ made: 'first' }));
    expect(second.processSingleton('sqlCheckQueue', () => ({ made: 'second' }))).toBe(created);
  });

  it('hands what the server installs to every copy that reads it', async () => {
    const server = await freshCopy();
    const app = await freshCopy();
    expect(app.readRealtimeStatus()).toBeNull();
    const status = { connectedSockets: 1, openDocuments: 2, pendingWrites: 0, isWriteDegraded: false, eventLoopDelayP99Ms: 0, eventLoopDelayMaxMs: 0 };
    server.installRealtimeStatus(() => status);
    expect(app.readRealtimeStatus()).toEqual(status);
  });
});
