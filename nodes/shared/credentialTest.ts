import {
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type INodeCredentialTestResult,
	sleep,
} from 'n8n-workflow';

import { buildRemoteItClient, isRemoteItError } from '../../client';
import { REQUEST_TIMEOUT_MS, clientOptionsFromCredentials, createFetchSend } from './transport';

/**
 * The credential test (the node's `testedBy`). It asks remote.it who the credentials belong to, and on failure
 * returns the client's message, which tells a bad key from a two-factor account or a skewed clock. A declarative
 * `test` request could only map status codes to fixed texts.
 */
export async function remoteItApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const client = buildRemoteItClient({
			...clientOptionsFromCredentials(credential.data ?? {}),
			send: createFetchSend(REQUEST_TIMEOUT_MS),
			timeoutMs: REQUEST_TIMEOUT_MS,
			// A test should answer quickly: one retry at most, however busy remote.it is.
			retry: { attempts: 2, baseDelayMs: 500, maxDelayMs: 2000 },
			sleep,
		});
		const { email } = await client.testCredentials();
		return { status: 'OK', message: `Authenticated as ${email}` };
	} catch (error) {
		const message = isRemoteItError(error) ? error.message : 'The credentials could not be tested';
		return { status: 'Error', message };
	}
}
