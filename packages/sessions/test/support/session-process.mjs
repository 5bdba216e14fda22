#!/usr/bin/env node
// A second runtime process for the persistence tests: composes the sessions component over
// the key-value store given as JSON, runs the steps, prints what it saw as one JSON line.
//   node session-process.mjs '{"variant":"draft","keyValue":{...},"sessionId":"...","bucket":"..."}'
import { compose, createKeyValueBackend } from '@wasmcp-ts/runtime';

const { variant, keyValue: spec, artifact, sessionId, bucket } = JSON.parse(process.argv[2]);
const keyValue = createKeyValueBackend(spec);
try {
  const chain = await compose({ components: [], services: [artifact], variant, keyValue });
  const manager = chain.services.get('wasmcp:mcp-v20251125/session-manager');
  const { Session } = chain.services.get('wasmcp:mcp-v20251125/sessions');
  const valid = manager.validate(sessionId, bucket);
  const session = Session.open(sessionId, bucket);
  const seen = session.get('from-first');
  session.set('from-second', { tag: 'as-u64', val: BigInt(process.pid) });
  const created = manager.initialize(bucket);
  process.stdout.write(`${JSON.stringify({ valid, seen, pid: process.pid, created })}\n`);
} finally {
  keyValue.close();
}
