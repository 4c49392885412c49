/** The demo account both launchers and the e2e tests use: the seed's first user and its first enabled access key. */
import type { Seed } from '../../emulator';

export interface DemoAccount {
	email: string;
	password: string;
	developerKey: string;
	accessKeyId: string;
	secretAccessKey: string;
}

export function demoAccount(seed: Seed): DemoAccount {
	const user = seed.users.find(
		(candidate) => !candidate.mfa && candidate.accessKeys.some((key) => key.enabled),
	);
	const key = user?.accessKeys.find((candidate) => candidate.enabled);
	if (!user || !key)
		throw new Error('the seed has no user without two-factor login and with an enabled access key');
	return {
		email: user.email,
		password: user.password,
		developerKey: user.developerKey,
		accessKeyId: key.id,
		secretAccessKey: key.secret,
	};
}

/** Every value of the account that must never appear in an output, a log or a stored flow. */
export function secretsOf(account: DemoAccount): string[] {
	return [account.password, account.developerKey, account.secretAccessKey];
}
