/** The part of Joyent's `http-signature` (the draft-cavage reference implementation) the emulator tests use. */
declare module 'http-signature' {
	interface SignableRequest {
		method: string;
		path: string;
		getHeader(name: string): string | undefined;
		setHeader(name: string, value: string): void;
	}
	interface SignOptions {
		keyId: string;
		key: string | Buffer;
		algorithm?: string;
		headers?: string[];
	}
	export function sign(request: SignableRequest, options: SignOptions): boolean;
}
