// GET a JWKS over wasi:http (the engine's fetch), with the limits a network call needs:
// a deadline, a size cap, and errors that say what the server did.

const TIMEOUT_MS = 10_000;
const MAX_BODY_CHARS = 1024 * 1024;

export async function fetchJson(uri: string): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([get(uri), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function get(uri: string): Promise<unknown> {
  const response = await fetch(uri, { headers: { accept: 'application/json' } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  if (body.length > MAX_BODY_CHARS) throw new Error(`the body is larger than ${MAX_BODY_CHARS} characters`);
  try {
    return JSON.parse(body);
  } catch {
    throw new Error('the body is not JSON');
  }
}
