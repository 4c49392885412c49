import type { IExecuteFunctions } from 'n8n-workflow';

import type { ProbeEndpoint } from '../../../client/core';

/** Error codes that mean the endpoint did not accept (or at once dropped) the connection. */
const NOT_REACHED = [
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
];

function codesOf(error: unknown): string[] {
	const codes: string[] = [];
	for (
		let current: unknown = error, depth = 0;
		current && typeof current === 'object' && depth < 4;
		depth++
	) {
		const code = Reflect.get(current, 'code');
		if (typeof code === 'string') codes.push(code);
		const message = Reflect.get(current, 'message');
		if (typeof message === 'string' && /socket hang up/i.test(message)) codes.push('ECONNRESET');
		current = Reflect.get(current, 'cause');
	}
	return codes;
}

/**
 * Connect's "Wait Until Reachable" probe over n8n's request helper (community nodes may not open sockets
 * themselves): one GET to the endpoint. Any HTTP answer, or a connection that then speaks something other than
 * HTTP or stays silent (SSH, databases), means the proxy accepted it; a refused or reset connection means not yet.
 */
export function createN8nProbe(context: IExecuteFunctions): ProbeEndpoint {
	return async ({ host, port, url }) => {
		try {
			await context.helpers.httpRequest({
				method: 'GET',
				url: port === null ? url : `http://${host}:${port}/`,
				timeout: 3000,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				json: false,
			});
			return true;
		} catch (error) {
			return !codesOf(error).some((code) => NOT_REACHED.includes(code));
		}
	};
}
