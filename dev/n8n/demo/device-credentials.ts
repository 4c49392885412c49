/**
 * The demo's credentials for what is behind the proxy: n8n's own SSH and Postgres credentials whose host and port
 * are expressions on the Connect output. n8n resolves expressions in credential fields per item, against the
 * input of the node using the credential ("Dynamic credentials using expressions" in n8n's docs), so each run
 * reaches the proxy its Connect just opened. Logins are the device services' demo ones (dev/device/).
 */
import {
	DATABASE_NAME,
	DATABASE_PASSWORD,
	DATABASE_USER,
	SSH_PASSWORD,
	SSH_USER,
} from '../../device';

export const SSH_CREDENTIAL = {
	id: 'remoteItDemoSsh1',
	name: 'factory-gateway SSH (host and port from Connect)',
};
export const POSTGRES_CREDENTIAL = {
	id: 'remoteItDemoPg01',
	name: 'factory-gateway Postgres (host and port from Connect)',
};

/** The host and port of the connection the previous node (Connect) output. */
const FROM_CONNECT = { host: '={{ $json.host }}', port: '={{ $json.port }}' };

export function deviceCredentials(): Array<{
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}> {
	return [
		{
			...SSH_CREDENTIAL,
			type: 'sshPassword',
			data: { ...FROM_CONNECT, username: SSH_USER, password: SSH_PASSWORD },
		},
		{
			...POSTGRES_CREDENTIAL,
			type: 'postgres',
			data: {
				...FROM_CONNECT,
				database: DATABASE_NAME,
				user: DATABASE_USER,
				password: DATABASE_PASSWORD,
				ssl: 'disable',
				maxConnections: 20,
				allowUnauthorizedCerts: false,
			},
		},
	];
}
