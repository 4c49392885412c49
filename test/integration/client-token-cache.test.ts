/** The process-wide password token cache: one login per credential for every client of the process. */
import {
	createRemoteItClient,
	RemoteItAuthError,
	type RemoteItClientOptions,
} from '../../client/transport';
import { startEmulator } from '../../emulator';
import { expireTokens, readRequestLog } from '../support/emulator-control';
import {
	countPath,
	failureOf,
	LOGIN_PATH,
	noWait,
	SSH,
	useClientDemo,
	passwordAuth,
} from './client-fixtures';

const demo = useClientDemo();

const password = (overrides: Record<string, string> = {}) => passwordAuth(demo.account, overrides);
const clientWith = (auth = password(), extra: Partial<RemoteItClientOptions> = {}) =>
	demo.clientWith(auth, extra);

describe('password tokens shared across clients', () => {
	it('a second client with the same credential makes no login', async () => {
		await clientWith().connect(SSH);
		await clientWith().listActiveConnections();
		await clientWith().connect(SSH);
		expect(countPath(await demo.log(), LOGIN_PATH)).toBe(1);
	});

	it('twenty clients starting at once share one login', async () => {
		await Promise.all(Array.from({ length: 20 }, () => clientWith().connect(SSH)));
		const log = await demo.log();
		expect(countPath(log, LOGIN_PATH)).toBe(1);
		expect(countPath(log, '/apv/v27/device/connect')).toBe(20);
	});

	it('an expired token is renewed once for every waiting client', async () => {
		await clientWith().connect(SSH);
		await expireTokens(demo.emulator.url);
		const clients = Array.from({ length: 8 }, () => clientWith());
		await expect(Promise.all(clients.map((client) => client.connect(SSH)))).resolves.toHaveLength(
			8,
		);
		const log = await demo.log();
		expect(countPath(log, LOGIN_PATH)).toBe(2);
		expect(
			log.filter((entry) => entry.path === LOGIN_PATH).every((entry) => entry.status === 200),
		).toBe(true);
	});

	it('a different password is a different credential: it logs in itself and is refused', async () => {
		await clientWith().connect(SSH);
		const error = await failureOf(
			clientWith(password({ password: 'not-the-password' })).connect(SSH),
		);
		expect(error).toBeInstanceOf(RemoteItAuthError);
		const logins = (await demo.log()).filter((entry) => entry.path === LOGIN_PATH);
		// Its own login, refused (remote.it refuses with status "false"), not the cached token of the right password.
		expect(logins).toHaveLength(2);
	});

	it("another API origin is another account: it never gets this origin's token", async () => {
		const other = await startEmulator();
		try {
			await clientWith().connect(SSH);
			await createRemoteItClient({ apiUrl: other.url, auth: password(), sleep: noWait }).connect(
				SSH,
			);
			expect(countPath(await demo.log(), LOGIN_PATH)).toBe(1);
			const otherLog = await readRequestLog(other.url);
			expect(countPath(otherLog, LOGIN_PATH)).toBe(1);
			expect(otherLog.every((entry) => entry.status === 200)).toBe(true);
		} finally {
			await other.close();
		}
	});

	it('a failed login is not cached: the next client tries again', async () => {
		await demo.log();
		const bad = password({ developerKey: 'NOT-A-DEVELOPER-KEY' });
		await failureOf(clientWith(bad).listDevices());
		await failureOf(clientWith(bad).listDevices());
		expect(countPath(await demo.log(), LOGIN_PATH)).toBe(2);
	});
});
