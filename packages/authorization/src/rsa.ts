// RSA signature verification (RFC 8017) in BigInt arithmetic. The component's engine has no
// RSA-PSS, and its RSA key import is slow (hundreds of ms in a fresh instance, where a whole
// verification here takes a few ms), so both RSA schemes run here. Hashing is the caller's
// (the engine's native digest inside the component): pure-JS SHA-2 is slow in an interpreter.
// Only public-key operations: nothing here needs randomness or secrecy.
import { concatBytes } from '@wasmcp-ts/protocol';

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** A SHA-2 digest, e.g. crypto.subtle.digest. */
export type Digest = (hash: HashName, data: Uint8Array) => Promise<Uint8Array>;

const HASH_LENGTHS: Record<HashName, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

// DER DigestInfo prefixes of EMSA-PKCS1-v1_5 (RFC 8017 section 9.2, note 1).
const DIGEST_INFO: Record<HashName, Uint8Array> = {
  'SHA-256': hex('3031300d060960864801650304020105000420'),
  'SHA-384': hex('3041300d060960864801650304020205000430'),
  'SHA-512': hex('3051300d060960864801650304020305000440'),
};

export interface RsaPublicKey {
  n: bigint;
  e: bigint;
}

export function bitLength(n: bigint): number {
  return n.toString(2).length;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let hexText = '';
  for (const b of bytes) hexText += b.toString(16).padStart(2, '0');
  return hexText ? BigInt(`0x${hexText}`) : 0n;
}

function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const hexText = value.toString(16).padStart(length * 2, '0');
  if (hexText.length > length * 2) throw new Error('integer too large');
  return hex(hexText);
}

function hex(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** Throws unless n and e make a usable verification key. */
export function checkRsaPublicKey(key: RsaPublicKey): void {
  if (key.n <= 0n || (key.n & 1n) === 0n) throw new Error('RSA modulus must be a positive odd integer');
  if (key.e < 3n || (key.e & 1n) === 0n || key.e >= key.n) throw new Error('RSA public exponent must be odd and at least 3');
}

/** RSAVP1 (RFC 8017 section 5.2.2) plus I2OSP: the encoded message, or undefined if the signature is out of range. */
function recoverEncodedMessage(key: RsaPublicKey, signature: Uint8Array): Uint8Array | undefined {
  const k = Math.ceil(bitLength(key.n) / 8);
  if (signature.length !== k) return undefined;
  const s = bytesToBigInt(signature);
  if (s >= key.n) return undefined;
  return bigIntToBytes(modPow(s, key.e, key.n), k);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * RSASSA-PKCS1-v1_5 (RFC 8017 section 8.2.2): rebuilds the one valid encoding of the hash
 * and compares it whole, so no lenient parsing of the padding can be exploited.
 */
export async function verifyPkcs1v15(key: RsaPublicKey, hash: HashName, signature: Uint8Array, message: Uint8Array, digest: Digest): Promise<boolean> {
  const em = recoverEncodedMessage(key, signature);
  if (!em) return false;
  const t = concatBytes([DIGEST_INFO[hash], await digest(hash, message)]);
  if (em.length < t.length + 11) return false;
  const expected = new Uint8Array(em.length);
  expected[1] = 0x01;
  expected.fill(0xff, 2, em.length - t.length - 1);
  expected.set(t, em.length - t.length);
  return equalBytes(em, expected);
}

/** RSASSA-PSS with MGF1 of the same hash (RFC 8017 sections 8.1.2 and 9.1.2). */
export async function verifyPss(key: RsaPublicKey, hash: HashName, saltLength: number, signature: Uint8Array, message: Uint8Array, digest: Digest): Promise<boolean> {
  const em = recoverEncodedMessage(key, signature);
  if (!em) return false;
  const hLen = HASH_LENGTHS[hash];
  const emBits = bitLength(key.n) - 1;
  const emLen = Math.ceil(emBits / 8);
  // With emBits a multiple of 8 the recovered k-byte block has one leading zero byte.
  const encoded = em.length > emLen ? em.subarray(em.length - emLen) : em;
  if (em.length > emLen && em[0] !== 0) return false;
  if (emLen < hLen + saltLength + 2) return false;
  if (encoded[emLen - 1] !== 0xbc) return false;
  const maskedDb = encoded.subarray(0, emLen - hLen - 1);
  const h = encoded.subarray(emLen - hLen - 1, emLen - 1);
  const unusedBits = 8 * emLen - emBits;
  const topMask = (0xff << (8 - unusedBits)) & 0xff;
  if (maskedDb[0] & topMask) return false;
  const dbMask = await mgf1(digest, hash, h, maskedDb.length);
  const db = new Uint8Array(maskedDb.length);
  for (let i = 0; i < db.length; i++) db[i] = maskedDb[i] ^ dbMask[i];
  db[0] &= ~topMask & 0xff;
  const psLen = emLen - hLen - saltLength - 2;
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false;
  if (db[psLen] !== 0x01) return false;
  const salt = db.subarray(db.length - saltLength);
  const mPrime = concatBytes([new Uint8Array(8), await digest(hash, message), salt]);
  return equalBytes(await digest(hash, mPrime), h);
}

async function mgf1(digest: Digest, hash: HashName, seed: Uint8Array, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  const counter = new Uint8Array(4);
  for (let offset = 0, c = 0; offset < length; c++) {
    new DataView(counter.buffer).setUint32(0, c);
    const block = await digest(hash, concatBytes([seed, counter]));
    out.set(block.subarray(0, Math.min(block.length, length - offset)), offset);
    offset += block.length;
  }
  return out;
}

