import { CredentialTestContext, LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { createEngine } from './engine';

/**
 * The context n8n gives a node's list-search and load-options methods when the editor asks for them
 * (n8n-core's LoadOptionsContext for our node in a one-node workflow).
 */
export function loadOptionsContext(
	credentials: ICredentialDataDecryptedObject,
	parameters: INodeParameters,
	path = 'parameters.service',
) {
	const engine = createEngine(credentials, [{ name: 'remote.it', parameters }]);
	const context = new LoadOptionsContext(
		engine.workflow,
		engine.node('remote.it'),
		engine.additionalData,
		path,
	);
	return { context, credentialsHelper: engine.credentialsHelper };
}

/** The context n8n gives a node's `credentialTest` method when a user clicks "Test" on the credential. */
export function credentialTestContext(): CredentialTestContext {
	return new CredentialTestContext();
}
