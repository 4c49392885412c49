/** POST /apv/v27/user/login (docs/remoteit-api.md §2). */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../runtime';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import { headerValue } from '../http-types';
import { secretsEqual } from '../state';
import {
	API_KEY_FAILED,
	parseRestBody,
	restFailure,
	restSuccess,
	stringField,
} from './rest-protocol';

const BAD_LOGIN = '[0102] The username or password is invalid';

function developerKeyValid(request: EmulatorRequest, context: EmulatorContext): boolean {
	const developerKey =
		headerValue(request.headers, 'developerkey') ?? headerValue(request.headers, 'apikey');
	return (
		developerKey !== undefined && context.accounts.userByDeveloperKey(developerKey) !== undefined
	);
}

function loginAnswer(request: EmulatorRequest, context: EmulatorContext): ApiResponse {
	if (!developerKeyValid(request, context)) return restFailure(API_KEY_FAILED);
	const body = parseRestBody(request.body);
	const username = body && stringField(body, 'username');
	const password = body && stringField(body, 'password');
	if (!username || password === undefined) return restFailure(BAD_LOGIN, 'GENERAL_ERROR');
	const user = context.accounts.userByEmail(username);
	// Compare even for an unknown user so timing does not reveal which e-mails exist.
	const passwordMatches = secretsEqual(password, user?.password ?? '\u0000no-user');
	if (!user || !passwordMatches) return restFailure(BAD_LOGIN, 'GENERAL_ERROR');
	if (user.mfa) {
		return restFailure(
			'This account uses two-factor authentication: password login needs a second factor',
			user.mfa,
		);
	}
	const { token, expiresAtMs } = context.accounts.issueToken(user);
	// The fields of a recorded remote.it answer (docs/remoteit-api.md §2), `commerical_setting` spelled as remote.it does.
	return restSuccess({
		token,
		token_index: user.guid.toUpperCase(),
		email: user.email,
		guid: user.guid,
		service_token: createHash('sha256').update(`service:${token}`).digest('hex').toUpperCase(),
		service_level: 'BASIC',
		storage_plan: 'FREE',
		secondary_auth: '',
		auth_token: token,
		auth_expiration: Math.floor(expiresAtMs / 1000),
		service_authhash: createHash('sha1').update(`${user.guid}:${token}`).digest('hex'),
		commerical_setting: 'FREE',
		apikey: user.developerKey,
		developer_key: user.developerKey,
		language: 'en',
		developer_plan: '',
		portal_plan: 'free_plan',
		portal_plan_expires: '2038-01-01 00:00:00',
		service_features: '',
		announcements: [],
		member_since: user.devices[0]?.createdAt.toISOString().slice(0, 19).replace('T', ' ') ?? '',
		index: 'true',
		pubsub_channel: user.guid.toUpperCase(),
		aws_identity: '',
	});
}

export function handleLogin(request: EmulatorRequest, context: EmulatorContext): ApiResponse {
	return { ...loginAnswer(request, context), log: { auth: 'password-login' } };
}
