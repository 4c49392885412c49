import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RemoteItAuth, RemoteItClientOptions } from '../../../client/core';

/** The credential's fields (credentials/RemoteItApi.credentials.ts) as the client's options; the client validates them. */
export function clientOptionsFromCredentials(
	credentials: ICredentialDataDecryptedObject,
): Pick<RemoteItClientOptions, 'apiUrl' | 'auth'> {
	const apiUrl = text(credentials, 'apiUrl');
	return { ...(apiUrl ? { apiUrl } : {}), auth: authFromCredentials(credentials) };
}

function authFromCredentials(credentials: ICredentialDataDecryptedObject): RemoteItAuth {
	const developerKey = text(credentials, 'developerKey');
	switch (credentials.authentication) {
		case 'password':
			return {
				type: 'password',
				developerKey,
				username: text(credentials, 'username'),
				password: raw(credentials, 'password'),
			};
		case 'token':
			return { type: 'token', developerKey, token: text(credentials, 'token') };
		default:
			return {
				type: 'accessKey',
				accessKeyId: text(credentials, 'accessKeyId'),
				secretAccessKey: text(credentials, 'secretAccessKey'),
				...(developerKey ? { developerKey } : {}),
			};
	}
}

/** Identifiers and keys lose stray spaces from copy and paste; a password is taken exactly as typed. */
function text(credentials: ICredentialDataDecryptedObject, name: string): string {
	return raw(credentials, name).trim();
}

function raw(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	return typeof value === 'string' ? value : '';
}
