/** What both signature schemes' verifiers take and answer (signature.ts: draft-cavage; signature-rfc9421.ts). */
export type SignatureVerdict<K> = { ok: true; key: K } | { ok: false; reason: string };

export interface SignatureVerifyOptions<K> {
	/** The decoded HMAC key and whatever the caller wants back, or undefined for an unknown or disabled key id. */
	lookupKey: (keyId: string) => { secret: Buffer; value: K } | undefined;
	nowMs: number;
	clockSkewSeconds: number;
}
