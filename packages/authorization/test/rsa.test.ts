// RSA verification in BigInt (src/rsa.ts) against signatures made by Node's WebCrypto.
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBigInt, verifyPkcs1v15, verifyPss, type Digest, type HashName } from '../src/rsa.js';

const subtle = webcrypto.subtle;
const digest: Digest = async (hash, data) => new Uint8Array(await subtle.digest(hash, data));
const message = new TextEncoder().encode('header.payload');

async function keyPair(name: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS', hash: HashName, modulusLength: number) {
  const pair = await subtle.generateKey({ name, hash, modulusLength, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  const key = { n: bytesToBigInt(Buffer.from(jwk.n!, 'base64url')), e: bytesToBigInt(Buffer.from(jwk.e!, 'base64url')) };
  return { privateKey: pair.privateKey, key };
}

describe.each([
  ['SHA-256', 2048],
  ['SHA-384', 3072],
  ['SHA-512', 2048],
] as const)('RSA with %s, %d-bit modulus', (hash, bits) => {
  it('PKCS#1 v1.5: accepts a real signature, refuses a changed message or signature', async () => {
    const { privateKey, key } = await keyPair('RSASSA-PKCS1-v1_5', hash, bits);
    const signature = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', privateKey, message));
    expect(await verifyPkcs1v15(key, hash, signature, message, digest)).toBe(true);
    expect(await verifyPkcs1v15(key, hash, signature, new TextEncoder().encode('header.payloaD'), digest)).toBe(false);
    const flipped = signature.slice();
    flipped[10] ^= 1;
    expect(await verifyPkcs1v15(key, hash, flipped, message, digest)).toBe(false);
    expect(await verifyPkcs1v15(key, hash, signature.subarray(1), message, digest)).toBe(false);
    const other = hash === 'SHA-256' ? 'SHA-512' : 'SHA-256';
    expect(await verifyPkcs1v15(key, other, signature, message, digest)).toBe(false);
  });

  it('PSS: accepts a real signature with the hash-length salt, refuses tampering', async () => {
    const { privateKey, key } = await keyPair('RSA-PSS', hash, bits);
    const saltLength = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[hash];
    const signature = new Uint8Array(await subtle.sign({ name: 'RSA-PSS', saltLength }, privateKey, message));
    expect(await verifyPss(key, hash, saltLength, signature, message, digest)).toBe(true);
    expect(await verifyPss(key, hash, saltLength - 1, signature, message, digest)).toBe(false);
    const flipped = signature.slice();
    flipped[signature.length - 1] ^= 0x80;
    expect(await verifyPss(key, hash, saltLength, flipped, message, digest)).toBe(false);
  });
});

it('a signature not below the modulus is refused, not reduced', async () => {
  const { privateKey, key } = await keyPair('RSASSA-PKCS1-v1_5', 'SHA-256', 2048);
  const signature = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', privateKey, message));
  const plusN = bytesToBigInt(signature) + key.n;
  const bytes = Buffer.from(plusN.toString(16).padStart(512, '0'), 'hex');
  expect(bytes.length).toBe(256);
  expect(await verifyPkcs1v15(key, 'SHA-256', bytes, message, digest)).toBe(false);
});
