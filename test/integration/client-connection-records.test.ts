/**
 * The connections a process remembers per account (client/connections/book.ts) stay bounded when the same
 * services are connected again and again by one execution after another, as a scheduled workflow does.
 */
import { createRemoteItClient } from '../../client/transport';
import { accountKey, recordsFor } from '../../client/connections/book';
import { normaliseApiUrl } from '../../client/validate';
import { authFor, SSH, useClientDemo } from './client-fixtures';

const demo = useClientDemo();

it('a connection remote.it replaced for a later client of the account is forgotten, whoever opened it', async () => {
	const auth = await authFor('password', demo.emulator.url, demo.account);
	const records = () =>
		[
			...recordsFor(accountKey(normaliseApiUrl(demo.emulator.url), auth), Date.now()).values(),
		].filter((c) => c.serviceId === SSH);
	const opened: string[] = [];
	for (let execution = 0; execution < 3; execution++) {
		// A new client per execution, as the n8n node makes one; REST names the connection it replaced.
		const client = createRemoteItClient({ apiUrl: demo.emulator.url, auth });
		opened.push((await client.connect(SSH, { api: 'rest' })).id);
	}
	expect(records().map((c) => c.id)).toEqual([opened[2]]);
});
