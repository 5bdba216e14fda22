// Session ids are UUID v4 strings: 122 random bits from the host's wasi:random, lowercase hex.
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Formats 16 random bytes as a UUID v4 (version and variant bits set, 122 bits stay random). */
export function sessionIdFrom(random: Uint8Array): string {
  if (random.length !== 16) throw new RangeError(`a session id needs 16 random bytes, got ${random.length}`);
  const bytes = random.slice();
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isSessionId(value: string): boolean {
  return UUID_V4.test(value);
}
