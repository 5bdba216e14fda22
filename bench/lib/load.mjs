// The one load client of every HTTP comparison: `concurrency` keep-alive connections (undici,
// no pipelining), each sending its next request as soon as the previous answer has been read
// (closed loop), for a fixed time. Latency is measured per request, from send to last byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { Client } from 'undici';

/**
 * Runs the load; `body(id)` is the request with JSON-RPC id `id`, a new one for every request
 * (a session's requests in flight must not share an id: the SDK routes answers by it). An
 * answer that is not 200 with a JSON-RPC result counts as a failure. Returns latency
 * percentiles in ms, requests per second and failures.
 */
export async function runLoad({ url, headers, body, concurrency, seconds }) {
  const target = new URL(url);
  const clients = Array.from({ length: concurrency }, () => new Client(target.origin, { pipelining: 1 }));
  const latencies = [];
  let failures = 0;
  let lastId = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async (client) => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      const answer = await client.request({ path: target.pathname, method: 'POST', headers, body: body(++lastId) });
      const text = await answer.body.text();
      latencies.push(performance.now() - sent);
      if (answer.statusCode !== 200 || !text.includes('"result"')) failures++;
    }
  };
  await Promise.all(clients.map(loop));
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  latencies.sort((x, y) => x - y);
  return {
    requests: latencies.length,
    failures,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    requestsPerSecond: latencies.length / elapsed,
  };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Linux's peak resident set of a process (VmHWM), in MB (10^6 bytes). */
export function peakRssMb(pid) {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return (Number(kb) * 1024) / 1e6;
}

// USER_HZ: the unit of /proc times, 100 on every Linux architecture Node runs on.
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time a process has used so far (user + system, all threads), in ms. */
export function cpuTimeMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resets the peak so that the next reading covers only what follows (Linux clear_refs "5"). */
export function resetPeakRss(pid) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
