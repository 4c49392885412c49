/** Password logins in n8n's real engine: one per credential and process, shared by every node and execution. */
import { expireTokens, readRequestLog } from '../support/emulator-control';
import { passwordCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, connectParameters, disconnectParameters } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();
const LOGIN_PATH = '/apv/v27/user/login';

const logins = async (): Promise<number> =>
	(await readRequestLog(emulator.url)).filter((entry) => entry.path === LOGIN_PATH).length;

const connectThenDisconnect = (serviceId: string = SEED.gatewaySsh) => [
	{ name: 'Connect', parameters: connectParameters(byId(serviceId)) },
	{ name: 'Disconnect', parameters: disconnectParameters },
];

describe('password token cache in n8n', () => {
	it('a warm execution makes no login: three executions, one login', async () => {
		for (let run = 0; run < 3; run++) {
			const result = await runWorkflow({
				credentials: passwordCredentials(emulator),
				nodes: connectThenDisconnect(),
			});
			expect(result.error()).toBeUndefined();
			expect(result.output('Disconnect')[0].json.disconnected).toBe(true);
			expect(await logins()).toBe(1);
		}
		const log = await readRequestLog(emulator.url);
		expect(
			log.filter((entry) => entry.path !== LOGIN_PATH).every((entry) => entry.status === 200),
		).toBe(true);
	});

	it('seven remote.it nodes in one workflow share one login', async () => {
		const nodes = Array.from({ length: 7 }, (_, index) =>
			index % 2 === 0
				? { name: `Connect ${index}`, parameters: connectParameters(byId(SEED.gatewaySsh)) }
				: { name: `Disconnect ${index}`, parameters: disconnectParameters },
		);
		const result = await runWorkflow({ credentials: passwordCredentials(emulator), nodes });
		expect(result.error()).toBeUndefined();
		expect(result.output('Connect 6')).toHaveLength(1);
		expect(await logins()).toBe(1);
	});

	it('executions running at once share one login, and one renewal after the token expires', async () => {
		// One service per execution: a second connection to the same service would replace the first.
		const services = [SEED.gatewaySsh, SEED.gatewayWebUi, SEED.gatewayPostgres, SEED.piSsh];
		const runAll = () =>
			Promise.all(
				services.map((serviceId) =>
					runWorkflow({
						credentials: passwordCredentials(emulator),
						nodes: connectThenDisconnect(serviceId),
					}),
				),
			);
		for (const result of await runAll()) expect(result.error()).toBeUndefined();
		expect(await logins()).toBe(1);
		await expireTokens(emulator.url);
		for (const result of await runAll())
			expect(result.output('Disconnect')[0].json.disconnected).toBe(true);
		expect(await logins()).toBe(2);
	});
});
