// Entry point of the local Stringee sandbox (see sandbox/server.ts for the wiring).
import { DEFAULTS } from './config.js';
import { SandboxServer } from './server.js';
import type { Sandbox, SandboxOptions } from './types.js';

export type { CallFromPhoneOptions, CallLogEntry, CallResult, EndedBy, MediaCounters, PhoneBehaviour, Sandbox, SandboxOptions } from './types.js';
export { API_KEY, DEMO_PHONES, HOTLINES, PROJECT, USERS, DEFAULT_PHONE_BEHAVIOUR } from './config.js';

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const server = new SandboxServer(opts);
  await server.listen(opts.port ?? 0);
  return server;
}

export { DEFAULTS };
