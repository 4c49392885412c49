import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	authFromCredentialFields,
	type RemoteItAuth,
	type RemoteItClientOptions,
} from '../../../client/core';

/** The credential's fields (credentials/RemoteItApi.credentials.ts) as the client's options; the client validates them. */
export function clientOptionsFromCredentials(
	credentials: ICredentialDataDecryptedObject,
): Pick<RemoteItClientOptions, 'apiUrl' | 'auth'> {
	const apiUrl = text(credentials, 'apiUrl');
	return { ...(apiUrl ? { apiUrl } : {}), auth: authFromCredentials(credentials) };
}

function authFromCredentials(credentials: ICredentialDataDecryptedObject): RemoteItAuth {
	const { authentication } = credentials;
	const type =
		authentication === 'password' || authentication === 'token' ? authentication : 'accessKey';
	return authFromCredentialFields(type, (name) =>
		name === 'password' ? raw(credentials, name) : text(credentials, name),
	);
}

/** Identifiers and keys lose stray spaces from copy and paste; a password is taken exactly as typed. */
function text(credentials: ICredentialDataDecryptedObject, name: string): string {
	return raw(credentials, name).trim();
}

function raw(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	return typeof value === 'string' ? value : '';
}
