/**
 * The demo device's SSH server (the `ssh2` package), on a free loopback port. It accepts the demo user with its
 * password or the key pair made at each start (`privateKey`), answers `exec` requests from device-facts.ts, and gives an
 * interactive shell that does the same line by line. It executes nothing on the host.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { type AuthContext, type Connection, Server, type ServerChannel, utils } from 'ssh2';
import { answerCommand, DEVICE_HOSTNAME } from './device-facts';

export const SSH_USER = 'pi';
export const SSH_PASSWORD = 'device-password-1';

export interface RunningSshDevice {
	port: number;
	/** The demo user's private key (OpenSSH format), made at start: no key is stored in the repository. */
	privateKey: string;
	close(): Promise<void>;
}

const sameText = (a: string, b: string): boolean =>
	a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function authenticate(ctx: AuthContext, allowedKey: ReturnType<typeof utils.parseKey>): void {
	if (ctx.username !== SSH_USER) return ctx.reject();
	if (ctx.method === 'password' && sameText(ctx.password, SSH_PASSWORD)) return ctx.accept();
	if (ctx.method === 'publickey' && !(allowedKey instanceof Error)) {
		const sameKey =
			ctx.key.algo === allowedKey.type && ctx.key.data.equals(allowedKey.getPublicSSH());
		if (!sameKey) return ctx.reject();
		if (!ctx.signature || !ctx.blob) return ctx.accept(); // the client asks whether the key would do
		if (allowedKey.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true) return ctx.accept();
	}
	return ctx.reject(['password', 'publickey']);
}

function shell(channel: ServerChannel, bootedAtMs: number): void {
	const prompt = `${SSH_USER}@${DEVICE_HOSTNAME}:~$ `;
	let line = '';
	channel.write(prompt);
	channel.on('data', (data: Buffer) => {
		line += data.toString('utf8');
		let newline = line.search(/\r|\n/);
		while (newline >= 0) {
			const command = line.slice(0, newline).trim();
			line = line.slice(newline + 1).replace(/^\n/, '');
			if (command === 'exit') {
				channel.exit(0);
				channel.end();
				return;
			}
			if (command) {
				const answer = answerCommand(command, bootedAtMs);
				// A terminal shows both streams as one.
				channel.write(`${answer.stdout}${answer.stderr}`.replace(/\n/g, '\r\n'));
			}
			channel.write(prompt);
			newline = line.search(/\r|\n/);
		}
	});
}

function serve(
	client: Connection,
	allowedKey: ReturnType<typeof utils.parseKey>,
	bootedAtMs: number,
): void {
	client.on('error', () => client.end());
	client.on('authentication', (ctx) => authenticate(ctx, allowedKey));
	client.on('ready', () => {
		client.on('session', (accept) => {
			const session = accept();
			session.on('pty', (acceptPty) => acceptPty?.());
			session.on('env', (acceptEnv) => acceptEnv?.());
			session.on('exec', (acceptExec, _reject, info) => {
				const channel = acceptExec();
				const answer = answerCommand(info.command, bootedAtMs);
				channel.write(answer.stdout);
				channel.stderr.write(answer.stderr);
				channel.exit(answer.code);
				channel.end();
			});
			session.on('shell', (acceptShell) => shell(acceptShell(), bootedAtMs));
		});
	});
}

/**
 * An ed25519 key pair ssh2 can read back. Its generator strips leading zero bytes from the key it writes, so about
 * one pair in 128 fails to parse (mscdex/ssh2 issues 1390 and 1513) and the server would refuse its host key.
 */
function readableKeyPair(comment?: string): { private: string; public: string } {
	for (;;) {
		const pair = utils.generateKeyPairSync('ed25519', comment ? { comment } : {});
		const parsed = [utils.parseKey(pair.private), utils.parseKey(pair.public)];
		if (!parsed.some((key) => key instanceof Error)) return pair;
	}
}

export async function startSshDevice(): Promise<RunningSshDevice> {
	const hostKey = readableKeyPair().private;
	const userKey = readableKeyPair(`${SSH_USER}@demo`);
	const allowedKey = utils.parseKey(userKey.public);
	const bootedAtMs = Date.now() - (12 * 1440 + 184) * 60_000; // "up 12 days, 3:04" at start
	const ssh = new Server(
		{ hostKeys: [hostKey], ident: 'OpenSSH_9.2p1 Debian-2+deb12u3' },
		(client) => {
			serve(client, Array.isArray(allowedKey) ? allowedKey[0] : allowedKey, bootedAtMs);
		},
	);
	// Our own listener hands sockets to ssh2, so closing can cut the ones a client left open.
	const sockets = new Set<Socket>();
	const listener = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		ssh.injectSocket(socket);
	});
	await new Promise<void>((resolve, reject) => {
		listener.once('error', reject);
		listener.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = listener.address() as { port: number };
	return {
		port,
		privateKey: userKey.private,
		close: () =>
			new Promise<void>((resolve) => {
				listener.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}
