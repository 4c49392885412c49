/**
 * Secrets remote.it echoes back in its own texts are redacted even when the client never held them: REST
 * `reason`, GraphQL `errors[].message` and plain-text error bodies (docs/design.md, "Conventions").
 */
import { injectFault } from '../support/emulator-control';
import { failureOf, GRAPHQL_PATH, SSH, useClientDemo } from './client-fixtures';

const demo = useClientDemo();

/** Values no client in this file was given, in the shapes secrets take. */
const ECHOED = {
	sessionToken: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
	accessSecret: 'Qm9ndXNTZWNyZXRLZXlGb3JUZXN0aW5nMTIzNDU2',
	bearer: 'Bearer not.a.real.token-42',
	named: 'password=hunter2hunter2',
};
const ECHO_TEXT = `rejected ${ECHOED.sessionToken} / ${ECHOED.accessSecret} / ${ECHOED.bearer} / ${ECHOED.named}`;

function expectNoEcho(error: Record<string, unknown>): void {
	const everything = JSON.stringify({
		message: error.message,
		reason: error.reason,
		json: error,
		stack: error.stack,
	});
	for (const value of [
		ECHOED.sessionToken,
		ECHOED.accessSecret,
		'not.a.real.token-42',
		'hunter2hunter2',
	]) {
		expect(everything).not.toContain(value);
	}
	expect(String(error.reason ?? error.message)).toContain('[redacted]');
}

it.each([
	[
		'a REST reason',
		'password',
		'/apv/v27/device/connect',
		200,
		JSON.stringify({ status: 'false', reason: ECHO_TEXT }),
	],
	[
		'a GraphQL error message',
		'accessKey',
		GRAPHQL_PATH,
		200,
		JSON.stringify({ errors: [{ message: ECHO_TEXT }] }),
	],
	['a plain-text 500 body', 'accessKey', GRAPHQL_PATH, 500, ECHO_TEXT],
	['a plain-text 403 body', 'accessKey', GRAPHQL_PATH, 403, ECHO_TEXT],
] as const)('in %s', async (_where, kind, path, status, body) => {
	const client = await demo.client(kind, { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
	if (kind === 'password') await client.listDevices({ api: 'rest' });
	await injectFault(demo.emulator.url, { path, kind: 'status', status, body, times: 5 });
	expectNoEcho(await failureOf(client.connect(SSH)));
});
