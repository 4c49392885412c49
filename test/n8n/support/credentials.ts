import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RunningEmulator } from '../../../emulator';
import { seedAccount } from '../../support/emulator-control';
import { passwordCredentialData } from '../../../dev/n8n/demo/demo-data';

/** remoteItApi credential data for the seed's first user, one builder per authentication method. */
export function accessKeyCredentials(
	emulator: RunningEmulator,
	email?: string,
): ICredentialDataDecryptedObject {
	const account = seedAccount(emulator.seed, email);
	return {
		authentication: 'accessKey',
		accessKeyId: account.accessKeyId,
		secretAccessKey: account.secretAccessKey,
		apiUrl: emulator.url,
	};
}

export function passwordCredentials(
	emulator: RunningEmulator,
	email?: string,
): ICredentialDataDecryptedObject {
	return passwordCredentialData(seedAccount(emulator.seed, email), emulator.url);
}

/** A session token obtained the way remote.it users get one outside n8n: POST /apv/v27/user/login. */
export async function tokenCredentials(
	emulator: RunningEmulator,
): Promise<ICredentialDataDecryptedObject> {
	const account = seedAccount(emulator.seed);
	const response = await fetch(`${emulator.url}/apv/v27/user/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', developerkey: account.developerKey },
		body: JSON.stringify({ username: account.email, password: account.password }),
	});
	const answer = (await response.json()) as { token?: string };
	if (!answer.token) throw new Error('emulator login returned no token');
	return {
		authentication: 'token',
		developerKey: account.developerKey,
		token: answer.token,
		apiUrl: emulator.url,
	};
}
