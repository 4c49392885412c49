/** Random identifiers in the shapes remote.it uses (docs/remoteit-api.md §2, §3). */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Connection ids look like A78B3919-52E1-B674-58CC-5C0009377419. */
export function newConnectionId(): string {
	return randomUUID().toUpperCase();
}

/** Session tokens are 32 hex characters. */
export function newSessionToken(): string {
	return randomBytes(16).toString('hex');
}

/** proxyNN.rt3.io: the cluster number is two digits. */
export function newProxyCluster(): number {
	return randomInt(10, 100);
}

/** Port proxies live on 30000-39999. */
export function newProxyPort(): number {
	return randomInt(30000, 40000);
}

/** The random label of a reverse proxy host, https://<label>.pNN.rt3.io. */
export function newReverseProxyLabel(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	let label = '';
	for (let i = 0; i < 12; i += 1) label += alphabet[randomInt(alphabet.length)];
	return label;
}
