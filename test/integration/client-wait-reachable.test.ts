/**
 * The client's Wait Until Reachable and Reuse against the emulator's real proxies, with the probe an engine would
 * inject (here a TCP connect, as Node-RED's): a reused connection must still answer, and a proxy that never
 * answers is closed on remote.it.
 */
import { connect as tcpConnect } from 'node:net';
import { type ProbeEndpoint, RemoteItTimeoutError, RemoteItValidationError } from '../../client';
import { listEmulatorConnections } from '../support/emulator-control';
import { SSH, useClientDemo } from './client-fixtures';

const demo = useClientDemo();

/** Accepted and still open a moment later: the emulator cuts refused sources at once. */
const tcpProbe: ProbeEndpoint = ({ host, port }) =>
	new Promise((resolve) => {
		const socket = tcpConnect({ host, port: port ?? 0 });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.on('error', () => done(false));
		socket.on('close', () => done(false));
		socket.on('connect', () => setTimeout(() => done(true), 100));
	});

describe('Connect with waitUntilReachable', () => {
	it('returns a proxy that accepts connections', async () => {
		const client = await demo.client('accessKey', {
			probe: tcpProbe,
			sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
		});
		const connection = await client.connect(SSH, {
			accessMode: 'public',
			waitUntilReachable: true,
			reachableTimeoutMs: 5000,
		});
		expect(await tcpProbe(connection)).toBe(true);
	});

	it('closes a proxy that never accepts one and throws RemoteItTimeoutError', async () => {
		const client = await demo.client('accessKey', {
			probe: tcpProbe,
			sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
		});
		const attempt = client.connect(SSH, {
			accessMode: 'restricted',
			hostIp: '198.51.100.7',
			waitUntilReachable: true,
			reachableTimeoutMs: 1000,
		});
		await expect(attempt).rejects.toThrow(RemoteItTimeoutError);
		expect(await listEmulatorConnections(demo.emulator.url)).toEqual([]);
	});

	it('says when the engine gives no probe, before any request', async () => {
		const client = await demo.client('accessKey');
		await expect(client.connect(SSH, { waitUntilReachable: true })).rejects.toThrow(
			RemoteItValidationError,
		);
		expect(await listEmulatorConnections(demo.emulator.url)).toEqual([]);
	});

	it('does not reuse a listed connection that no longer answers', async () => {
		let refuse: number | null = null;
		const probe: ProbeEndpoint = async (endpoint) => endpoint.port !== refuse && tcpProbe(endpoint);
		const client = await demo.client('accessKey', {
			probe,
			sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
		});
		const first = await client.connect(SSH, { accessMode: 'public' });
		expect((await client.connect(SSH, { reuse: true, waitUntilReachable: true })).id).toBe(
			first.id,
		);
		refuse = first.port;
		expect(
			(await client.connect(SSH, { reuse: true, waitUntilReachable: true, accessMode: 'public' }))
				.id,
		).not.toBe(first.id);
	});
});
