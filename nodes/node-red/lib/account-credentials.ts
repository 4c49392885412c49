/**
 * The remote.it account's credentials as the account node stores them, and their mapping to the client's
 * `RemoteItAuth`. All are Node-RED credentials (kept in the credentials file, never in flow JSON). Secrets are
 * `password` credentials, never sent back to the editor; the access key ID and the account e-mail identify
 * rather than prove, so they are `text`, shown in the edit dialog as n8n shows them.
 */
import {
	authFromCredentialFields,
	RemoteItValidationError,
	type CredentialField,
	type RemoteItAuth,
} from '../../../client';
import type { CredentialTypes } from './node-red-api';

export type AuthMethod = RemoteItAuth['type'];

const AUTH_METHODS: readonly AuthMethod[] = ['accessKey', 'password', 'token'];

export const ACCOUNT_CREDENTIAL_TYPES = {
	accessKeyId: { type: 'text' },
	secretAccessKey: { type: 'password' },
	developerKey: { type: 'password' },
	username: { type: 'text' },
	password: { type: 'password' },
	token: { type: 'password' },
} satisfies Record<CredentialField, CredentialTypes[string]>;

export type AccountCredentials = Partial<Record<CredentialField, string>>;

export const CREDENTIAL_NAMES = Object.keys(ACCOUNT_CREDENTIAL_TYPES) as CredentialField[];

/** The credentials each method uses, with the label of its field in the edit dialog. */
const FIELDS_BY_METHOD: Record<AuthMethod, Partial<Record<CredentialField, string>>> = {
	accessKey: {
		accessKeyId: 'Access key ID',
		secretAccessKey: 'Secret access key',
		developerKey: 'Developer key',
	},
	password: { developerKey: 'Developer key', username: 'E-mail', password: 'Password' },
	token: { developerKey: 'Developer key', token: 'Session token' },
};

function isAuthMethod(value: unknown): value is AuthMethod {
	return typeof value === 'string' && (AUTH_METHODS as readonly string[]).includes(value);
}

export function authFromCredentials(
	method: unknown,
	credentials: AccountCredentials,
): RemoteItAuth {
	if (!isAuthMethod(method)) {
		throw new RemoteItValidationError(
			'authMethod',
			'The remote.it account has no valid authentication method',
		);
	}
	return authFromCredentialFields(method, (name, required) =>
		required ? requiredCredential(method, credentials, name) : credentials[name]?.trim(),
	);
}

function requiredCredential(
	method: AuthMethod,
	credentials: AccountCredentials,
	name: CredentialField,
): string {
	const value = credentials[name]?.trim();
	if (!value) {
		const label = FIELDS_BY_METHOD[method][name] ?? name;
		throw new RemoteItValidationError(name, `The remote.it account is missing its ${label}`);
	}
	return value;
}
