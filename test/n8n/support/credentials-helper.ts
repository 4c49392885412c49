import { Credentials } from 'n8n-core';
import { ICredentialsHelper } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';

import { RemoteItApi } from '../../../credentials/RemoteItApi.credentials';

/**
 * n8n's credentials helper for these tests, doing what n8n's own does at run time: hand out the decrypted data
 * (with the credential's property defaults filled in), run the credential class's `preAuthentication` when its
 * expirable field is empty or expired, and apply the class's own `authenticate` to every request.
 */
export class CredentialClassHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>([['remoteItApi', new RemoteItApi()]]);

	/** Every request n8n asked to authenticate, in order: type name and URL. */
	readonly authenticated: Array<{ typeName: string; url: string }> = [];

	/** Runs before each request is authenticated: lets a test change the world between two requests. */
	beforeAuthenticate?: (request: { url: string; method: string }) => Promise<void>;

	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const type = this.type(typeName);
		const options = requestOptions as IHttpRequestOptions;
		const url = String(options.url ?? (options as { uri?: string }).uri);
		this.authenticated.push({ typeName, url });
		await this.beforeAuthenticate?.({ url, method: options.method ?? 'GET' });
		if (typeof type.authenticate === 'function')
			return await type.authenticate(credentials, options);
		if (type.authenticate) throw new Error('generic authenticate is not used by this package');
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: unknown,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!type.preAuthentication || !expirable) return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		return Object.assign(credentials, output);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type);
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	) {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type "${type}"`);
		return { ...this.defaults(type), ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	private defaults(typeName: string): ICredentialDataDecryptedObject {
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.type(typeName).properties) {
			if (!(property.name in defaults)) defaults[property.name] = property.default as string;
		}
		return defaults;
	}

	private type(typeName: string): ICredentialType {
		const type = this.types.get(typeName);
		if (!type) throw new Error(`Unknown credential type "${typeName}"`);
		return type;
	}
}
