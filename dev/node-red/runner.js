'use strict';
/**
 * Starts a real Node-RED runtime from code, the way an embedding application does (RED.init + RED.start).
 * Plain CommonJS so that any Node binary runs it without a TypeScript loader: Node 20 for Node-RED 4.1.x,
 * the Node 24 pinned in dev/pins/node24 for Node-RED 5.x.
 *
 *   node dev/node-red/runner.js <engine dir> <userDir> <port> [credentialSecret] [context module]
 *
 * A context module (`localfilesystem`) becomes the default context store, as a user's settings.js would set it.
 *
 * Prints one line `NODE-RED READY <url>` once the flows have started; stops cleanly on SIGINT/SIGTERM.
 */
const http = require('node:http');
const path = require('node:path');

const [engineDir, userDir, portText, credentialSecret, contextModule] = process.argv.slice(2);
if (!engineDir || !userDir || !portText) {
	console.error(
		'usage: runner.js <engine dir> <userDir> <port> [credentialSecret] [context module]',
	);
	process.exit(2);
}

const nodeRedDir = path.join(engineDir, 'node_modules', 'node-red');
const RED = require(nodeRedDir);
const express = require(require.resolve('express', { paths: [nodeRedDir] }));

const settings = {
	userDir,
	flowFile: 'flows.json',
	// Encrypts flows_cred.json; without it Node-RED generates a key of its own into .config.runtime.json.
	credentialSecret: credentialSecret || 'remoteit-demo-credential-secret',
	uiHost: '127.0.0.1',
	uiPort: Number(portText),
	httpAdminRoot: '/',
	httpNodeRoot: '/',
	functionGlobalContext: {},
	// English runtime messages whatever the machine's locale: callers wait for "Started flows".
	lang: 'en-US',
	editorTheme: { tours: false, projects: { enabled: false } },
	logging: { console: { level: 'info', metrics: false, audit: false } },
	diagnostics: { enabled: false },
	// No consent prompt for update notifications over the demo editor (this machine has no route to check anyway).
	telemetry: { enabled: false },
	externalModules: { palette: { allowInstall: false } },
	...(contextModule ? { contextStorage: { default: { module: contextModule } } } : {}),
};

const app = express();
const server = http.createServer(app);
RED.init(server, settings);
app.use(settings.httpAdminRoot, RED.httpAdmin);
app.use(settings.httpNodeRoot, RED.httpNode);

let stopping = false;
async function stop() {
	if (stopping) return;
	stopping = true;
	try {
		await RED.stop();
	} finally {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	}
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

server.listen(settings.uiPort, settings.uiHost, () => {
	RED.start().then(
		() => console.log(`NODE-RED READY http://${settings.uiHost}:${server.address().port}`),
		(error) => {
			console.error(`Node-RED failed to start: ${error && error.stack ? error.stack : error}`);
			process.exit(1);
		},
	);
});
