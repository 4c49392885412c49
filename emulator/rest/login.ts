/** POST /apv/v27/user/login (contract section 2). */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import { headerValue } from '../http-types';
import { secretsEqual } from '../secret-compare';
import { API_KEY_FAILED, parseRestBody, restFailure, restSuccess, stringField } from './rest-response';

const BAD_LOGIN = '[0102] The username or password is invalid';

function developerKeyValid(request: EmulatorRequest, context: EmulatorContext): boolean {
  const developerKey = headerValue(request.headers, 'developerkey') ?? headerValue(request.headers, 'apikey');
  return developerKey !== undefined && context.accounts.userByDeveloperKey(developerKey) !== undefined;
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
    return restFailure('This account uses two-factor authentication: password login needs a second factor', user.mfa);
  }
  const { token, expiresAtMs } = context.accounts.issueToken(user);
  return restSuccess({
    token,
    auth_token: token,
    auth_expiration: Math.floor(expiresAtMs / 1000),
    email: user.email,
    guid: user.guid,
    service_authhash: createHash('sha1').update(`${user.guid}:${token}`).digest('hex'),
    developer_key: user.developerKey,
    language: 'en',
    service_level: 'BASIC',
    storage_plan: 'FREE',
    secondary_auth: '',
    commercial_setting: '',
  });
}

export function handleLogin(request: EmulatorRequest, context: EmulatorContext): ApiResponse {
  return { ...loginAnswer(request, context), log: { auth: 'password-login' } };
}
