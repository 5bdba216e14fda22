import * as environment from 'wasi:cli/environment@0.2.12';
import * as monotonicClock from 'wasi:clocks/monotonic-clock@0.2.12';
import * as wallClock from 'wasi:clocks/wall-clock@0.2.12';
import * as atomics from 'wasi:keyvalue/atomics@0.2.0-draft';
import * as batch from 'wasi:keyvalue/batch@0.2.0-draft';
import * as wasiStore from 'wasi:keyvalue/store@0.2.0-draft';
import * as random from 'wasi:random/random@0.2.12';
import { createSessions } from './create-sessions.js';
import type { WasiKeyValue } from './keyvalue-adapter.js';

export const { sessions, sessionManager, store } = createSessions({
  keyValue: { store: wasiStore, batch, atomics } as unknown as WasiKeyValue,
  random,
  wallClock,
  monotonicClock,
  environment,
});
