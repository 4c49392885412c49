/**
 * The six fields both engines store a remote.it credential in (n8n: credentials/RemoteItApi.credentials.ts;
 * Node-RED: the account's credentials), and the one mapping from them to the client's RemoteItAuth.
 */
import type { RemoteItAuth } from '../types';

export type CredentialField =
	'accessKeyId' | 'secretAccessKey' | 'developerKey' | 'username' | 'password' | 'token';

/**
 * The stored fields of one sign-in method as a RemoteItAuth. `field(name, required)` reads a field as the shell
 * stores it (and may refuse a required one that is empty, in the shell's words); an empty developer key, optional
 * with access keys, is left out. The client checks the result before any request (validate.ts, normaliseAuth).
 */
export function authFromCredentialFields(
	type: RemoteItAuth['type'],
	field: (name: CredentialField, required: boolean) => string | undefined,
): RemoteItAuth {
	const required = (name: CredentialField): string => field(name, true) ?? '';
	switch (type) {
		case 'password':
			return {
				type,
				developerKey: required('developerKey'),
				username: required('username'),
				password: required('password'),
			};
		case 'token':
			return { type, developerKey: required('developerKey'), token: required('token') };
		case 'accessKey': {
			const developerKey = field('developerKey', false);
			return {
				type,
				accessKeyId: required('accessKeyId'),
				secretAccessKey: required('secretAccessKey'),
				...(developerKey ? { developerKey } : {}),
			};
		}
	}
}
