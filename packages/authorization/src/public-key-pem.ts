// JWT_PUBLIC_KEY as a public JWK: a PEM SubjectPublicKeyInfo ("PUBLIC KEY": RSA, EC P-256/384/521,
// Ed25519), a PEM PKCS#1 "RSA PUBLIC KEY", or a JWK as JSON. Everything then verifies through
// one path (a JWK), and the component's crypto only has to import JWKs. Whether the key
// material is valid (a point on the curve, a sane modulus) is checked when it is imported.
import { base64url } from 'jose';
import type { PublicJwk } from './verify-subtle.js';

const OID = {
  rsaEncryption: '2a864886f70d010101',
  rsassaPss: '2a864886f70d01010a',
  ecPublicKey: '2a8648ce3d0201',
  ed25519: '2b6570',
};
const NAMED_CURVES: Record<string, { crv: string; size: number }> = {
  '2a8648ce3d030107': { crv: 'P-256', size: 32 },
  '2b81040022': { crv: 'P-384', size: 48 },
  '2b81040023': { crv: 'P-521', size: 66 },
};

const TAG = { integer: 0x02, bitString: 0x03, null: 0x05, oid: 0x06, sequence: 0x30 };

interface Der {
  tag: number;
  body: Uint8Array;
}

/** One DER element at `offset`, and the offset after it. */
function readDer(bytes: Uint8Array, offset: number): [Der, number] {
  if (offset + 2 > bytes.length) throw new Error('truncated DER');
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || start + count > bytes.length) throw new Error('bad DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | bytes[start + i];
    start += count;
  }
  if (start + length > bytes.length) throw new Error('truncated DER');
  return [{ tag, body: bytes.subarray(start, start + length) }, start + length];
}

function children(element: Der, expectedTag: number): Der[] {
  if (element.tag !== expectedTag) throw new Error(`expected DER tag 0x${expectedTag.toString(16)}, got 0x${element.tag.toString(16)}`);
  const out: Der[] = [];
  for (let offset = 0; offset < element.body.length; ) {
    const [child, next] = readDer(element.body, offset);
    out.push(child);
    offset = next;
  }
  return out;
}

function whole(bytes: Uint8Array): Der {
  const [element, end] = readDer(bytes, 0);
  if (end !== bytes.length) throw new Error('trailing bytes after DER');
  return element;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function unsignedInteger(element: Der): Uint8Array {
  if (element.tag !== TAG.integer || element.body.length === 0) throw new Error('expected a DER INTEGER');
  let start = 0;
  while (start < element.body.length - 1 && element.body[start] === 0) start++;
  return element.body.subarray(start);
}

function bitStringBytes(element: Der): Uint8Array {
  if (element.tag !== TAG.bitString || element.body[0] !== 0) throw new Error('expected a whole-byte DER BIT STRING');
  return element.body.subarray(1);
}

function rsaJwk(rsaPublicKey: Uint8Array): PublicJwk {
  const [n, e] = children(whole(rsaPublicKey), TAG.sequence);
  if (!n || !e) throw new Error('RSA public key needs a modulus and an exponent');
  return { kty: 'RSA', n: base64url.encode(unsignedInteger(n)), e: base64url.encode(unsignedInteger(e)) };
}

function spkiJwk(der: Uint8Array): PublicJwk {
  const [algorithm, subjectPublicKey] = children(whole(der), TAG.sequence);
  if (!algorithm || !subjectPublicKey) throw new Error('SubjectPublicKeyInfo needs an algorithm and a key');
  const [oid, params] = children(algorithm, TAG.sequence);
  if (oid?.tag !== TAG.oid) throw new Error('SubjectPublicKeyInfo algorithm has no OID');
  const keyBytes = bitStringBytes(subjectPublicKey);
  switch (toHex(oid.body)) {
    case OID.rsaEncryption:
    case OID.rsassaPss:
      return rsaJwk(keyBytes);
    case OID.ecPublicKey: {
      const named = params?.tag === TAG.oid ? NAMED_CURVES[toHex(params.body)] : undefined;
      if (!named) throw new Error('EC key on an unsupported curve (P-256, P-384 and P-521 are supported)');
      const { size } = named;
      if (keyBytes[0] !== 0x04 || keyBytes.length !== 1 + 2 * size) throw new Error('only uncompressed EC points are supported');
      return { kty: 'EC', crv: named.crv, x: base64url.encode(keyBytes.subarray(1, 1 + size)), y: base64url.encode(keyBytes.subarray(1 + size)) };
    }
    case OID.ed25519:
      if (keyBytes.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
      return { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(keyBytes) };
    default:
      throw new Error(`unsupported public key algorithm (OID ${toHex(oid.body)})`);
  }
}

function pemBody(pem: string, label: string): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([^-]*)-----END ${label}-----`).exec(pem);
  if (!match) throw new Error(`no ${label} block`);
  const text = match[1].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new Error('PEM body is not base64');
  return base64url.decode(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
}

/** The public JWK of JWT_PUBLIC_KEY; throws a message that says what is wrong with it. */
export function publicKeyToJwk(text: string): PublicJwk {
  // Environment variables often carry PEM newlines as the two characters "\n".
  const value = text.trim().replace(/\\n/g, '\n');
  if (value.startsWith('{')) {
    let jwk: unknown;
    try {
      jwk = JSON.parse(value);
    } catch {
      throw new Error('JWT_PUBLIC_KEY looks like a JWK but is not valid JSON');
    }
    if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw new Error('JWT_PUBLIC_KEY JWK must be a JSON object');
    if ('d' in jwk) throw new Error('JWT_PUBLIC_KEY is a private JWK; give the public key only');
    return jwk as PublicJwk;
  }
  try {
    if (value.includes('-----BEGIN PUBLIC KEY-----')) return spkiJwk(pemBody(value, 'PUBLIC KEY'));
    if (value.includes('-----BEGIN RSA PUBLIC KEY-----')) return rsaJwk(pemBody(value, 'RSA PUBLIC KEY'));
  } catch (err) {
    throw new Error(`JWT_PUBLIC_KEY is not a usable public key: ${(err as Error).message}`);
  }
  if (value.includes('PRIVATE KEY')) throw new Error('JWT_PUBLIC_KEY holds a private key; give the public key only');
  throw new Error('JWT_PUBLIC_KEY must be a PEM "PUBLIC KEY" or "RSA PUBLIC KEY" block, or a public JWK as JSON');
}
