/** Active connections (GraphQL `login.sessions`; a session id equals the connection id, contract section 3). */
import { callGraphql, QUERIES } from './graphql';
import { parseProxy } from './proxy';
import type { ApiContext } from './rest';
import { isObject, textOf } from './json-values';
import type { Session } from './types';

function sessionFromGraphql(item: Record<string, unknown>): Session | undefined {
  const id = textOf(item.id);
  const target = isObject(item.target) ? item.target : {};
  const serviceId = textOf(target.id);
  if (!id || !serviceId) return undefined;
  const session: Session = {
    id,
    serviceId: serviceId.toUpperCase(),
    serviceName: textOf(target.name) ?? '',
    createdAt: textOf(item.timestamp) ?? '',
  };
  const proxy = isObject(item.endpoint) ? textOf(item.endpoint.proxy) : undefined;
  if (proxy) {
    session.proxy = proxy;
    try {
      const endpoint = parseProxy(proxy);
      session.host = endpoint.host;
      session.port = endpoint.port;
    } catch {
      // An unreadable proxy still leaves a listable session; host and port are simply left out.
    }
  }
  return session;
}

/** Sessions always come from GraphQL: REST v27 has no session list. Token and password auth work there too. */
export async function listSessions(context: ApiContext): Promise<Session[]> {
  const data = await callGraphql(context, QUERIES.sessions);
  const items = isObject(data) && isObject(data.login) && Array.isArray(data.login.sessions) ? data.login.sessions : [];
  return items.filter(isObject).map(sessionFromGraphql).filter((s): s is Session => s !== undefined);
}
