import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { headerValue, bodyText, signRequest, normaliseApiUrl } from '../client';

/**
 * The remote.it API credential. `authenticate` is the only place n8n requests get their remote.it
 * authentication, for our node and for the HTTP Request node ("predefined credential type") alike:
 * - Access Key: an HTTP Signature over the exact body bytes n8n will send (docs/remoteit-api.md §4).
 * - Developer Key + Session Token: the `developerkey` and `token` headers (docs/remoteit-api.md §1).
 * - Developer Key + Username/Password: the `developerkey` header only. The session token is NOT kept in
 *   the credential (no `preAuthentication` + expirable field), on purpose: remote.it answers an expired
 *   token with HTTP 200 `status:"false"` "missing api token" (docs/remoteit-api.md §2), and n8n renews pre-authenticated
 *   credentials only after an HTTP 401, so a stored token would stay expired for good. The remote.it node's
 *   client logs in once per execution, shares that token across all items, and re-logs in once when remote.it
 *   refuses it. Custom calls from the HTTP Request node therefore need an access key or a session token, and
 *   are refused here with a message saying so rather than sent without a token.
 */
export class RemoteItApi implements ICredentialType {
	name = 'remoteItApi';

	displayName = 'remote.it API';

	icon: Icon = { light: 'file:../icons/remoteit.svg', dark: 'file:../icons/remoteit.dark.svg' };

	documentationUrl = 'https://github.com/remoteit/n8n-nodes-remoteit#the-remoteit-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'accessKey',
			options: [
				{
					name: 'Access Key (Recommended)',
					value: 'accessKey',
					description:
						'An access key pair from remote.it Account › Access Keys. Works with two-factor accounts.',
				},
				{
					name: 'Developer Key + Username/Password',
					value: 'password',
					description: 'Legacy login. Fails for accounts with two-factor authentication.',
				},
				{
					name: 'Developer Key + Session Token',
					value: 'token',
					description: 'A session token obtained elsewhere, sent as the token header',
				},
			],
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'AKEXAMPLE00000000000',
			displayOptions: { show: { authentication: ['accessKey'] } },
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Shown once by remote.it when the key is created (40 base64 characters)',
			displayOptions: { show: { authentication: ['accessKey'] } },
		},
		{
			displayName: 'Developer Key',
			name: 'developerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional with an access key: only the legacy REST API needs it',
			displayOptions: { show: { authentication: ['accessKey'] } },
		},
		{
			displayName: 'Developer Key',
			name: 'developerKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'From remote.it Account › Developer API Key',
			displayOptions: { show: { authentication: ['password', 'token'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@email.com',
			hint: 'Accounts with two-factor authentication cannot log in this way: use an access key instead',
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName:
				'The remote.it node logs in for you. For custom requests in the HTTP Request node, use an access key or a session token.',
			name: 'customRequestsNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Session Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authentication: ['token'] } },
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.remote.it',
			description:
				'Leave as is for remote.it. Point it at a local remote.it emulator for tests; http:// is only accepted for loopback hosts.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// Secrets go to the credential's own API origin and nowhere else (docs/design.md, "Security").
		assertSentToApiOrigin(credentials, requestUrl(requestOptions));
		const developerKey = stringField(credentials, 'developerKey');
		const headers = replaceHeaders(
			{ ...(requestOptions.headers as Record<string, string>) },
			developerKey ? { developerkey: developerKey } : {},
		);

		if (credentials.authentication === 'token') {
			return {
				...requestOptions,
				headers: replaceHeaders(headers, { token: stringField(credentials, 'token') }),
			};
		}
		if (credentials.authentication === 'password') {
			if (!isRemoteItNodeSession(headers, requestUrl(requestOptions)))
				throw new Error(PASSWORD_ONLY_IN_NODE);
			return { ...requestOptions, headers };
		}

		// Sign the bytes that will go on the wire: fold the query into the URL and serialise the body here,
		// so neither n8n nor axios re-encodes anything after the signature is computed.
		const url = requestUrl(requestOptions);
		const body = bodyText(requestOptions.body);
		const signature = signRequest({
			method: requestOptions.method ?? 'GET',
			url,
			headers,
			body,
			accessKeyId: stringField(credentials, 'accessKeyId'),
			secretAccessKey: stringField(credentials, 'secretAccessKey'),
		});
		const signed: IHttpRequestOptions = {
			...requestOptions,
			url,
			headers: replaceHeaders(headers, { ...signature }),
		};
		delete signed.qs;
		delete signed.baseURL;
		if (body === undefined) delete signed.body;
		else signed.body = body;
		return signed;
	}
}

/**
 * Refuses a request to any origin but the credential's API URL, before any header is added: the HTTP Request node
 * lets a workflow pair this credential with any URL, and a signature, token or developer key must not go there.
 */
function assertSentToApiOrigin(credentials: ICredentialDataDecryptedObject, url: string): void {
	let apiOrigin: string;
	try {
		apiOrigin = new URL(normaliseApiUrl(stringField(credentials, 'apiUrl') || undefined)).origin;
	} catch (error) {
		throw new Error(
			`remote.it credential: ${error instanceof Error ? error.message : String(error)}`,
		);
	}
	const origin = new URL(url).origin;
	if (origin !== apiOrigin) {
		throw new Error(
			`The remote.it credential only sends its secrets to its API URL (${apiOrigin}); this request goes to ${origin}. ` +
				'Use the credential only for remote.it requests, or change its API URL.',
		);
	}
}

const PASSWORD_ONLY_IN_NODE =
	'A remote.it Username/Password credential only works in the remote.it node, which logs in for you. ' +
	'For custom requests (HTTP Request node), use an Access Key or a Session Token credential.';

/** The remote.it node's client logs in itself and then sends the session token it got on every request. */
function isRemoteItNodeSession(headers: Record<string, string>, url: string): boolean {
	return (
		headerValue(headers, 'token') !== undefined || new URL(url).pathname.endsWith('/user/login')
	);
}

function stringField(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	return typeof value === 'string' ? value.trim() : '';
}

/** Absolute URL with the query string in it; request-style options (HTTP Request node) use `uri`. */
function requestUrl(options: IHttpRequestOptions): string {
	const legacyUri = (options as { uri?: unknown }).uri;
	const raw = options.url ?? (typeof legacyUri === 'string' ? legacyUri : '');
	const url = new URL(raw, options.baseURL);
	for (const [key, value] of Object.entries(options.qs ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.append(key, String(value));
	}
	return url.toString();
}

/** Header names are case-insensitive: drop any spelling of a signed header before adding ours. */
function replaceHeaders(
	headers: Record<string, string>,
	added: Record<string, string>,
): Record<string, string> {
	const addedNames = new Set(Object.keys(added).map((name) => name.toLowerCase()));
	const kept = Object.entries(headers).filter(([name]) => !addedNames.has(name.toLowerCase()));
	return { ...Object.fromEntries(kept), ...added };
}
