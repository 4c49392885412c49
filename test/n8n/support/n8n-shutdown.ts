import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { removeN8nUserFolder } from './n8n-environment';

/**
 * What n8n does for the engine's services when it shuts down. Executing a node starts n8n-core's SSH tunnel
 * manager, whose cleanup interval would otherwise keep the test process alive. Also removes the test's n8n folder.
 */
export function shutDownN8nServices(): void {
	Container.get(SSHClientsManager).onShutdown();
	removeN8nUserFolder();
}
