/** The REST v27 endpoints this emulator serves (docs/remoteit-api.md §2). */
import type { EmulatorContext } from '../context';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import { handleConnect, handleConnectStop } from './connect';
import { handleListAll, handleMetadataList } from './devices';
import { handleLogin } from './login';

export const REST_PREFIX = '/apv/v27';

type RestHandler = (
	request: EmulatorRequest,
	context: EmulatorContext,
) => ApiResponse | Promise<ApiResponse>;

const ROUTES: Record<string, RestHandler> = {
	'POST /user/login': handleLogin,
	'GET /device/list/all': handleListAll,
	'GET /device/metadata/list/me': handleMetadataList,
	'POST /device/connect': handleConnect,
	'POST /device/connect/stop': handleConnectStop,
};

export function findRestHandler(method: string, pathname: string): RestHandler | undefined {
	if (!pathname.startsWith(`${REST_PREFIX}/`)) return undefined;
	return ROUTES[`${method} ${pathname.slice(REST_PREFIX.length).replace(/\/+$/, '')}`];
}
