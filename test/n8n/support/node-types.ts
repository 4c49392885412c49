import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import { RemoteIt } from '../../../nodes/RemoteIt/RemoteIt.node';
import { RemoteItTrigger } from '../../../nodes/RemoteItTrigger/RemoteItTrigger.node';
import { FETCH_URL_NODE_TYPE, FetchUrl } from './fetch-url-node';

/** The type name n8n gives a community node: `<package name>.<node name>`. */
export const REMOTE_IT_NODE_TYPE = 'n8n-nodes-remoteit.remoteIt';
export const REMOTE_IT_TRIGGER_NODE_TYPE = 'n8n-nodes-remoteit.remoteItTrigger';

/** n8n's node registry for these tests: our real node classes, plus a stand-in for n8n's HTTP Request node. */
export class PackageNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>([
		[REMOTE_IT_NODE_TYPE, new RemoteIt()],
		[REMOTE_IT_TRIGGER_NODE_TYPE, new RemoteItTrigger()],
		[FETCH_URL_NODE_TYPE, new FetchUrl()],
	]);

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.get(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		return this.get(nodeType);
	}

	getKnownTypes() {
		return {};
	}

	private get(nodeType: string): INodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type "${nodeType}"`);
		return type;
	}
}
