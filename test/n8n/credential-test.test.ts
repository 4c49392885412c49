import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { RemoteIt } from '../../nodes/RemoteIt/RemoteIt.node';
import { shiftClock } from '../support/emulator-control';
import { credentialTestContext } from './support/contexts';
import { accessKeyCredentials, passwordCredentials, tokenCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';

const emulator = useEmulatorWithN8n();

const node = new RemoteIt();

/** What n8n does when a user clicks "Test" on the credential: call the node's `testedBy` method. */
async function testCredential(data: ICredentialDataDecryptedObject) {
	const testedBy = node.description.credentials?.find((c) => c.name === 'remoteItApi')?.testedBy;
	expect(testedBy).toBe('remoteItApiTest');
	const method = node.methods.credentialTest[testedBy as 'remoteItApiTest'];
	return await method.call(credentialTestContext(), {
		id: 'cred-1',
		name: 'remote.it',
		type: 'remoteItApi',
		data,
	});
}

describe('credential test', () => {
	it.each([
		['Access Key', async () => accessKeyCredentials(emulator)],
		['Developer Key + Username/Password', async () => passwordCredentials(emulator)],
		['Developer Key + Session Token', async () => tokenCredentials(emulator)],
	])('accepts good %s credentials and names the account', async (_name, credentials) => {
		expect(await testCredential(await credentials())).toEqual({
			status: 'OK',
			message: 'Authenticated as demo@example.com',
		});
	});

	it('says which fields to check for a bad access key, mentioning the clock', async () => {
		const result = await testCredential({
			...accessKeyCredentials(emulator),
			secretAccessKey: 'A'.repeat(40),
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/access key/i);
		expect(result.message).toMatch(/clock/i);
	});

	it('explains a skewed clock when the key is right but the time is not', async () => {
		await shiftClock(emulator.url, 15 * 60);
		const result = await testCredential(accessKeyCredentials(emulator));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/clock/i);
	});

	it('tells a two-factor account to use an access key', async () => {
		const result = await testCredential(passwordCredentials(emulator, 'mfa@example.com'));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/two-factor|2FA/i);
		expect(result.message).toMatch(/access key/i);
	});

	it('reports a wrong password', async () => {
		const result = await testCredential({
			...passwordCredentials(emulator),
			password: 'wrong-password',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/password/i);
	});

	it('refuses a plain http:// API URL that is not loopback', async () => {
		const result = await testCredential({
			...accessKeyCredentials(emulator),
			apiUrl: 'http://api.example.com',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/https/i);
	});
});
