/**
 * The remote.it client: `createRemoteItClient(options)`, its types, its typed errors and the request signer.
 * First cut: exports are final; the implementation lands in the following commits.
 */
import { RemoteItError } from './errors';
import type { RemoteItClient, RemoteItClientOptions } from './types';

export * from './types';
export * from './errors';
export { signRequest, formatHttpDate, buildSigningString, DEFAULT_SIGNED_HEADERS } from './signing';
export type { SignRequestInput, SignatureHeaders } from './signing';
export { redactSecrets } from './redact';

export function createRemoteItClient(_options: RemoteItClientOptions): RemoteItClient {
  throw new RemoteItError('createRemoteItClient is not implemented yet');
}
