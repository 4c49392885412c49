/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1 and localhost, made with the openssl
 * command (Node cannot issue X.509 certificates). For the bench and tests: clients trust `caPath` through
 * NODE_EXTRA_CA_CERTS or a `ca` option; nothing is installed system-wide.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TlsIdentity } from './server';

export interface TestCertificates extends TlsIdentity {
	/** The CA certificate (PEM) that signed `cert`. */
	caPath: string;
	ca: string;
	dir: string;
}

export function createTestCertificates(
	dir = mkdtempSync(path.join(tmpdir(), 'remoteit-emulator-tls-')),
	/** More addresses the server certificate names (the bench's veth address). */
	extraIps: string[] = [],
): TestCertificates {
	const file = (name: string): string => path.join(dir, name);
	const openssl = (...args: string[]): void => {
		execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
	};
	openssl(
		'req',
		'-x509',
		'-newkey',
		'ec',
		'-pkeyopt',
		'ec_paramgen_curve:prime256v1',
		'-nodes',
		'-days',
		'2',
		'-subj',
		'/CN=remoteit emulator test CA',
		'-keyout',
		file('ca.key'),
		'-out',
		file('ca.pem'),
	);
	writeFileSync(
		file('server.ext'),
		`subjectAltName=${['IP:127.0.0.1', 'DNS:localhost', ...extraIps.map((ip) => `IP:${ip}`)].join(',')}\nbasicConstraints=CA:FALSE\n`,
	);
	openssl(
		'req',
		'-newkey',
		'ec',
		'-pkeyopt',
		'ec_paramgen_curve:prime256v1',
		'-nodes',
		'-subj',
		'/CN=127.0.0.1',
		'-keyout',
		file('server.key'),
		'-out',
		file('server.csr'),
	);
	openssl(
		'x509',
		'-req',
		'-in',
		file('server.csr'),
		'-CA',
		file('ca.pem'),
		'-CAkey',
		file('ca.key'),
		'-CAcreateserial',
		'-days',
		'2',
		'-extfile',
		file('server.ext'),
		'-out',
		file('server.pem'),
	);
	return {
		dir,
		caPath: file('ca.pem'),
		ca: readFileSync(file('ca.pem'), 'utf8'),
		key: readFileSync(file('server.key'), 'utf8'),
		cert: readFileSync(file('server.pem'), 'utf8'),
	};
}
