/**
 * The demo device's services behind the emulator's proxies (dev/device/): the seed's `device:<name>` targets
 * forward real bytes to a real SSH server and web server on loopback, and a closed connection cuts them off.
 */
import { connect as tcpConnect } from 'node:net';
import { Client } from 'ssh2';
import { createRemoteItClient } from '../../client/transport';
import {
	type RunningDeviceServices,
	SSH_PASSWORD,
	SSH_USER,
	startDeviceServices,
} from '../../dev/device';
import { type RunningEmulator, startEmulator, validateSeed } from '../../emulator';

const SSH_SERVICE = '80:00:00:00:01:00:00:02';
const WEB_UI_SERVICE = '80:00:00:00:01:00:00:03';

let device: RunningDeviceServices;
let emulator: RunningEmulator;

function client() {
	const key = emulator.seed.users[0].accessKeys[0];
	return createRemoteItClient({
		apiUrl: emulator.url,
		auth: { type: 'accessKey', accessKeyId: key.id, secretAccessKey: key.secret },
	});
}

function sshExec(
	port: number,
	command: string,
	auth: { password?: string; privateKey?: Buffer },
): Promise<{ stdout: string; stderr: string; code: number }> {
	return new Promise((resolve, reject) => {
		const ssh = new Client();
		ssh
			.on('error', reject)
			.on('ready', () => {
				ssh.exec(command, (error, stream) => {
					if (error) return reject(error);
					let stdout = '';
					let stderr = '';
					stream.on('data', (data: Buffer) => (stdout += data.toString()));
					stream.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
					stream.on('close', (code: number) => {
						ssh.end();
						resolve({ stdout, stderr, code });
					});
				});
			})
			.connect({ host: '127.0.0.1', port, username: SSH_USER, readyTimeout: 10_000, ...auth });
	});
}

function firstBytes(port: number): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = tcpConnect({ host: '127.0.0.1', port });
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString());
		});
		socket.once('close', () => resolve(''));
		socket.once('error', reject);
	});
}

beforeAll(async () => {
	device = await startDeviceServices();
	emulator = await startEmulator({ deviceServices: device.deviceServices });
});

afterAll(async () => {
	await emulator?.close();
	await device?.close();
});

// SSH key exchange and a shell on a loaded machine take seconds: each test waits on the session's own events.
jest.setTimeout(60_000);

it('runs the fixed commands over SSH through the proxy with the demo password, and only those', async () => {
	const connection = await client().connect(SSH_SERVICE);
	const port = Number(connection.port);
	expect(await sshExec(port, 'cat /etc/hostname', { password: SSH_PASSWORD })).toEqual({
		stdout: 'factory-gateway\n',
		stderr: '',
		code: 0,
	});
	expect((await sshExec(port, 'uname -a', { password: SSH_PASSWORD })).stdout).toMatch(
		/^Linux factory-gateway .* aarch64 GNU\/Linux\n$/,
	);
	expect((await sshExec(port, 'uptime', { password: SSH_PASSWORD })).stdout).toMatch(
		/ up 12 days, /,
	);
	expect(await sshExec(port, 'touch /tmp/owned', { password: SSH_PASSWORD })).toEqual({
		stdout: '',
		stderr: 'bash: touch: command not found\n',
		code: 127,
	});
	await client().disconnect({ serviceId: SSH_SERVICE, connectionId: connection.id });
});

it('accepts the key made at start and refuses a wrong password', async () => {
	const connection = await client().connect(SSH_SERVICE);
	const port = Number(connection.port);
	expect(
		(await sshExec(port, 'hostname', { privateKey: Buffer.from(device.sshPrivateKey) })).stdout,
	).toBe('factory-gateway\n');
	await expect(sshExec(port, 'hostname', { password: 'not-the-password' })).rejects.toThrow(
		/authentication/i,
	);
	await client().disconnect({ serviceId: SSH_SERVICE, connectionId: connection.id });
});

it('answers line by line in an interactive shell, until exit', async () => {
	const connection = await client().connect(SSH_SERVICE);
	const transcript = await new Promise<string>((resolve, reject) => {
		const ssh = new Client();
		ssh
			.on('error', reject)
			.on('ready', () => {
				ssh.shell((error, stream) => {
					if (error) return reject(error);
					let text = '';
					stream.on('data', (data: Buffer) => (text += data.toString()));
					stream.on('close', () => {
						ssh.end();
						resolve(text);
					});
					stream.write('cat /etc/hostname\nreboot\nexit\n');
				});
			})
			.connect({
				host: '127.0.0.1',
				port: Number(connection.port),
				username: SSH_USER,
				password: SSH_PASSWORD,
				readyTimeout: 10_000,
			});
	});
	expect(transcript).toBe(
		'pi@factory-gateway:~$ factory-gateway\r\npi@factory-gateway:~$ bash: reboot: command not found\r\npi@factory-gateway:~$ ',
	);
	await client().disconnect({ serviceId: SSH_SERVICE, connectionId: connection.id });
});

it("serves the device's own web UI through the reverse proxy", async () => {
	const connection = await client().connect(WEB_UI_SERVICE);
	const response = await fetch(`${connection.url}/api/status`);
	expect(await response.json()).toEqual({
		hostname: 'factory-gateway',
		status: 'ok',
		temperatureC: 41.5,
	});
	expect(await (await fetch(connection.url)).text()).toContain('<h1>factory-gateway web UI</h1>');
	await client().disconnect({ serviceId: WEB_UI_SERVICE, connectionId: connection.id });
});

it('stops carrying bytes once the connection is closed', async () => {
	const connection = await client().connect(SSH_SERVICE);
	const port = Number(connection.port);
	expect(await firstBytes(port)).toMatch(/^SSH-2\.0-OpenSSH_9\.2p1/);
	await client().disconnect({ serviceId: SSH_SERVICE, connectionId: connection.id });
	await expect(firstBytes(port)).rejects.toThrow(/ECONNREFUSED/);
});

describe('device targets in the seed', () => {
	const seedWithTarget = (target: string) => {
		const seed = JSON.parse(JSON.stringify(emulator.seed)) as typeof emulator.seed;
		seed.users[0].devices[0].services[1].target = target;
		return seed;
	};

	it('refuses a malformed device name, naming the field', () => {
		expect(() => validateSeed(seedWithTarget('device:Bad Name'))).toThrow(
			/users\[0\]\.devices\[0\]\.services\[1\]\.target must be "http", "echo", "device:<name>"/,
		);
	});

	it('refuses a device service address off loopback', async () => {
		await expect(startEmulator({ deviceServices: { ssh: '10.0.0.1:22' } })).rejects.toThrow(
			'deviceServices.ssh must be 127.0.0.1:<port>',
		);
	});

	it('falls back to the echo for a device service the emulator was not given', async () => {
		const bare = await startEmulator();
		try {
			const key = bare.seed.users[0].accessKeys[0];
			const bareClient = createRemoteItClient({
				apiUrl: bare.url,
				auth: { type: 'accessKey', accessKeyId: key.id, secretAccessKey: key.secret },
			});
			const connection = await bareClient.connect(SSH_SERVICE);
			const echoed = await new Promise<string>((resolve, reject) => {
				const socket = tcpConnect({ host: '127.0.0.1', port: Number(connection.port) }, () =>
					socket.write('ping'),
				);
				socket.once('data', (data) => {
					socket.destroy();
					resolve(data.toString());
				});
				socket.once('error', reject);
			});
			expect(echoed).toBe('ping');
		} finally {
			await bare.close();
		}
	});
});
