// The part of WebCrypto's SubtleCrypto that jose needs to verify JWS signatures (importKey of a
// public JWK, then verify), for the component's engine:
// - ECDSA (ES256/384/512): the engine's native crypto, which works once the build has made its
//   preview1 random_get real (packages/runtime/src/patch-random-get.mjs; native is ~20x faster than
//   pure JS there);
// - RSASSA-PKCS1-v1_5 and RSA-PSS (RS*, PS*): BigInt arithmetic (./rsa.ts) over the native
//   digest; the engine has no RSA-PSS, and its RSA key import is slower than a whole verify here;
// - Ed25519 (EdDSA): @noble/curves; the engine has none.
// Everything else (HMAC, private keys, other formats) is refused: this component only verifies.
import { ed25519 } from '@noble/curves/ed25519.js';
import { base64url } from 'jose';
import { bitLength, bytesToBigInt, checkRsaPublicKey, verifyPkcs1v15, verifyPss, type Digest, type HashName, type RsaPublicKey } from './rsa.js';

interface AlgorithmParams {
  name?: string;
  hash?: string | { name?: string };
  namedCurve?: string;
  saltLength?: number;
}

/** A public JWK as it comes from a JWKS or JWT_PUBLIC_KEY. */
export interface PublicJwk {
  kty?: string;
  crv?: string;
  kid?: string;
  alg?: string;
  n?: string;
  e?: string;
  x?: string;
  y?: string;
  d?: string;
  [member: string]: unknown;
}

type KeyMaterial = { kind: 'rsa'; key: RsaPublicKey } | { kind: 'ed25519'; point: Uint8Array };

/** A public verification key of ours, shaped like a WebCrypto CryptoKey as far as jose looks. */
export class PureCryptoKey {
  readonly type = 'public';
  readonly extractable = false;
  readonly usages: readonly string[] = ['verify'];
  constructor(
    readonly algorithm: Readonly<Record<string, unknown>>,
    readonly material: KeyMaterial,
  ) {}
  get [Symbol.toStringTag]() {
    return 'CryptoKey';
  }
}

/** A DOMException-like error, as WebCrypto throws; jose wraps it into its own errors. */
function cryptoError(name: 'NotSupportedError' | 'DataError' | 'InvalidAccessError', message: string): Error {
  const err = new Error(message);
  err.name = name;
  return err;
}

function hashName(hash: AlgorithmParams['hash']): HashName {
  const name = typeof hash === 'string' ? hash : hash?.name;
  if (name !== 'SHA-256' && name !== 'SHA-384' && name !== 'SHA-512') throw cryptoError('NotSupportedError', `unsupported hash ${String(name)}`);
  return name;
}

function b64(value: unknown, member: string): Uint8Array {
  if (typeof value !== 'string' || value === '') throw cryptoError('DataError', `JWK "${member}" must be a base64url string`);
  try {
    return base64url.decode(value);
  } catch {
    throw cryptoError('DataError', `JWK "${member}" is not valid base64url`);
  }
}

function importRsa(jwk: PublicJwk, algorithm: AlgorithmParams): PureCryptoKey {
  if (jwk.kty !== 'RSA') throw cryptoError('DataError', `${algorithm.name} needs an RSA key, not ${String(jwk.kty)}`);
  const e = b64(jwk.e, 'e');
  const key = { n: bytesToBigInt(b64(jwk.n, 'n')), e: bytesToBigInt(e) };
  try {
    checkRsaPublicKey(key);
  } catch (err) {
    throw cryptoError('DataError', (err as Error).message);
  }
  return new PureCryptoKey(
    { name: algorithm.name, hash: { name: hashName(algorithm.hash) }, modulusLength: bitLength(key.n), publicExponent: e },
    { kind: 'rsa', key },
  );
}

function importEd25519(jwk: PublicJwk): PureCryptoKey {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw cryptoError('DataError', 'Ed25519 needs an OKP key on Ed25519');
  const point = b64(jwk.x, 'x');
  try {
    ed25519.Point.fromBytes(point);
  } catch {
    throw cryptoError('DataError', 'the Ed25519 public key is not a curve point');
  }
  return new PureCryptoKey({ name: 'Ed25519' }, { kind: 'ed25519', point });
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError('expected a BufferSource');
}

const params = (algorithm: AlgorithmParams | string): AlgorithmParams => (typeof algorithm === 'string' ? { name: algorithm } : algorithm);

/** SubtleCrypto#importKey and #verify for public JWKs, over the engine's SubtleCrypto. */
export function createVerifySubtle(engine: SubtleCrypto) {
  const digest: Digest = async (hash, data) => new Uint8Array(await engine.digest(hash, data as BufferSource));
  return {
    async importKey(format: string, keyData: unknown, algorithm: AlgorithmParams | string, _extractable: boolean, usages: readonly string[]): Promise<CryptoKey | PureCryptoKey> {
      if (format !== 'jwk') throw cryptoError('NotSupportedError', `key format ${format} is not supported here; give a JWK`);
      if (usages.length !== 1 || usages[0] !== 'verify') throw cryptoError('NotSupportedError', 'only verification keys are supported');
      const jwk = keyData as PublicJwk;
      if (jwk.d !== undefined) throw cryptoError('DataError', 'only public keys can be imported');
      const alg = params(algorithm);
      switch (alg.name) {
        case 'RSASSA-PKCS1-v1_5':
        case 'RSA-PSS':
          return importRsa(jwk, alg);
        case 'Ed25519':
          return importEd25519(jwk);
        case 'ECDSA': {
          // The engine reads a present-but-undefined `ext` as false and then refuses an
          // extractable import; keys never leave this component, so import them non-extractable.
          const { ext: _ext, key_ops: _keyOps, ...publicJwk } = jwk;
          return engine.importKey('jwk', publicJwk as JsonWebKey, alg as EcKeyImportParams, false, ['verify']);
        }
        default:
          throw cryptoError('NotSupportedError', `unsupported algorithm ${String(alg.name)}`);
      }
    },
    async verify(algorithm: AlgorithmParams | string, key: CryptoKey | PureCryptoKey, signature: unknown, data: unknown): Promise<boolean> {
      const alg = params(algorithm);
      if (!(key instanceof PureCryptoKey)) return engine.verify(alg as EcdsaParams, key, toBytes(signature) as BufferSource, toBytes(data) as BufferSource);
      if (alg.name !== key.algorithm.name) throw cryptoError('InvalidAccessError', `the key is for ${String(key.algorithm.name)}, not ${String(alg.name)}`);
      const material = key.material;
      const sig = toBytes(signature);
      const message = toBytes(data);
      if (material.kind === 'ed25519') {
        try {
          return ed25519.verify(sig, message, material.point, { zip215: false });
        } catch {
          return false;
        }
      }
      const hash = (key.algorithm.hash as { name: HashName }).name;
      if (alg.name === 'RSA-PSS') {
        const saltLength = alg.saltLength;
        if (typeof saltLength !== 'number' || !Number.isInteger(saltLength) || saltLength < 0) throw cryptoError('DataError', 'RSA-PSS needs a saltLength');
        return verifyPss(material.key, hash, saltLength, sig, message, digest);
      }
      return verifyPkcs1v15(material.key, hash, sig, message, digest);
    },
  };
}
