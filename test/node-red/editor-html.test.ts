/**
 * The editor .html files: node definitions, validators and help. There is no browser here, so each file's
 * definition script runs in a VM with just `RED.nodes.registerType` recorded and the validators exercised;
 * the help text is checked for Node-RED's standard sections.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as cheerio from 'cheerio';

const NODE_RED_DIR = path.resolve(__dirname, '../../nodes/node-red');
/** The Node-RED package's manifest as gulp assembles it (`npm test` builds first). */
const PACKAGE = JSON.parse(
	fs.readFileSync(
		path.resolve(__dirname, '../../dist/packages/node-red-contrib-remoteit/package.json'),
		'utf8',
	),
) as { 'node-red': { nodes: Record<string, string> } };

type Validator = (this: Record<string, unknown>, value: unknown) => boolean;
interface NodeDefinition {
	category: string;
	inputs?: number;
	paletteLabel?: string;
	icon?: string;
	defaults: Record<
		string,
		{ value: unknown; validate?: Validator; type?: string; required?: boolean }
	>;
	credentials?: Record<string, { type: string }>;
}

function html(type: string): string {
	return fs.readFileSync(path.join(NODE_RED_DIR, `${type}.html`), 'utf8');
}

/** Node-RED's en-US catalogue of a node type: its help (.html) and its labels (.json). */
function locale(type: string, extension: 'html' | 'json'): string {
	return fs.readFileSync(
		path.join(NODE_RED_DIR, 'locales', 'en-US', `${type}.${extension}`),
		'utf8',
	);
}

/** The text a `data-i18n` key names in the en-US catalogue (undefined when the key is missing). */
function translate(type: string, key: string): unknown {
	const catalogue = JSON.parse(locale(type, 'json')) as Record<string, unknown>;
	return key
		.split('.')
		.reduce<unknown>(
			(node, part) =>
				typeof node === 'object' && node !== null
					? (node as Record<string, unknown>)[part]
					: undefined,
			catalogue,
		);
}

/** The edit dialog's markup of a node type. */
function templateOf(type: string): string {
	return cheerio.load(html(type))(`script[data-template-name="${type}"]`).html() ?? '';
}

/** Runs a file's definition script with a recording RED and a jQuery that finds no element (no dialog open). */
function definitionOf(type: string): NodeDefinition {
	const registered: Record<string, NodeDefinition> = {};
	const $ = cheerio.load(html(type));
	const noElement = (): { length: number } => ({ length: 0 });
	const context = vm.createContext({
		URL,
		$: noElement,
		RED: {
			nodes: {
				registerType: (name: string, definition: NodeDefinition) => {
					registered[name] = definition;
				},
			},
			validators: { typedInput: () => () => true },
		},
	});
	$('script[type="text/javascript"]').each((_i, element) => {
		vm.runInContext($(element).html() ?? '', context);
	});
	return registered[type];
}

function validate(
	definition: NodeDefinition,
	property: string,
	value: unknown,
	node: Record<string, unknown> = {},
): boolean {
	const validator = definition.defaults[property].validate;
	if (!validator) throw new Error(`${property} has no validator`);
	return validator.call(node, value);
}

const TYPES = Object.keys(PACKAGE['node-red'].nodes);

describe('editor html', () => {
	it("lists the six node types in the package's package.json, pointing at the compiled files", () => {
		expect(PACKAGE['node-red'].nodes).toEqual({
			'remoteit-config': 'dist/nodes/node-red/remoteit-config.js',
			'remoteit-connect': 'dist/nodes/node-red/remoteit-connect.js',
			'remoteit-disconnect': 'dist/nodes/node-red/remoteit-disconnect.js',
			'remoteit-devices': 'dist/nodes/node-red/remoteit-devices.js',
			'remoteit-events': 'dist/nodes/node-red/remoteit-events.js',
			'remoteit-connections': 'dist/nodes/node-red/remoteit-connections.js',
		});
	});

	it.each(TYPES)(
		'%s has a template, help in the standard sections, and registers its type',
		(type) => {
			const $ = cheerio.load(html(type));
			expect($(`script[data-template-name="${type}"]`)).toHaveLength(1);
			expect($(`script[data-help-name]`)).toHaveLength(0); // the help lives in locales/en-US
			const help =
				cheerio.load(locale(type, 'html'))(`script[data-help-name="${type}"]`).html() ?? '';
			// Like core's inject, a node without an input wire documents no Inputs.
			const sections =
				type === 'remoteit-config'
					? ['Properties', 'Details', 'References']
					: definitionOf(type).inputs === 0
						? ['Outputs', 'Details', 'References']
						: ['Inputs', 'Outputs', 'Details', 'References'];
			for (const section of sections) expect(help).toContain(`<h3>${section}</h3>`);
			expect(definitionOf(type)).toBeDefined();
		},
	);

	it.each(TYPES)('%s takes every label and option text from its en-US catalogue', (type) => {
		const $ = cheerio.load(templateOf(type));
		const keys = $('[data-i18n]')
			.map((_i, element) => $(element).attr('data-i18n'))
			.get();
		expect(keys.length).toBeGreaterThanOrEqual(3);
		expect(
			keys.filter(
				(key) =>
					!key.startsWith(`${type}.`) ||
					typeof translate(type, key) !== 'string' ||
					!translate(type, key),
			),
		).toEqual([]);
		expect(
			$('label').filter(
				(_i, element) =>
					$(element).text().trim() !== '' && $(element).find('[data-i18n]').length === 0,
			).length,
		).toBe(0);
	});

	it.each([
		['remoteit-connect', 'remote.it connect'],
		['remoteit-disconnect', 'remote.it disconnect'],
		['remoteit-devices', 'remote.it devices'],
		['remoteit-events', 'remote.it events'],
		['remoteit-connections', 'remote.it connections'],
	])('%s is "%s" in the palette, with the package icon and an account', (type, label) => {
		const definition = definitionOf(type);
		expect(definition.paletteLabel).toBe(label);
		expect(definition.category).toBe('network');
		expect(fs.existsSync(path.join(NODE_RED_DIR, 'icons', String(definition.icon)))).toBe(true);
		expect(definition.defaults.account).toMatchObject({ type: 'remoteit-config', required: true });
	});

	it('names the account "remote.it account" in its dialog and explains each sign-in method\'s fields', () => {
		expect(definitionOf('remoteit-config').paletteLabel).toBe('remote.it account');
		const $ = cheerio.load(templateOf('remoteit-config'));
		expect($('#node-config-row-password .form-tips').text()).toMatch(
			/two-factor authentication cannot sign in with a password: use an access key/,
		);
		expect($('#node-config-developerKey-required').text()).toMatch(
			/Required for this sign-in method/,
		);
		expect($('#node-config-developerKey-optional').text()).toMatch(/Optional with an access key/);
		expect($('#node-config-remoteit-test-result').attr('role')).toBe('status');
	});

	it('says which IP the restricted access mode expects', () => {
		const $ = cheerio.load(templateOf('remoteit-connect'));
		expect($('#node-row-hostIp .form-tips').text()).toMatch(/public IPv4 address/);
	});

	it('declares the same credentials in the editor as in the runtime', () => {
		expect(definitionOf('remoteit-config').credentials).toEqual({
			accessKeyId: { type: 'text' },
			secretAccessKey: { type: 'password' },
			developerKey: { type: 'password' },
			username: { type: 'text' },
			password: { type: 'password' },
			token: { type: 'password' },
		});
	});

	it('accepts https API URLs and plain http only on loopback', () => {
		const config = definitionOf('remoteit-config');
		for (const url of [
			'https://api.remote.it',
			'http://127.0.0.1:8787',
			'http://localhost:8787/',
			'http://[::1]:8787',
		]) {
			expect(validate(config, 'apiUrl', url)).toBe(true);
		}
		for (const url of [
			'http://api.remote.it',
			'ftp://127.0.0.1',
			'api.remote.it',
			'',
			'http://127.0.0.1.evil.example',
		]) {
			expect(validate(config, 'apiUrl', url)).toBe(false);
		}
		expect(validate(config, 'timeout', 30)).toBe(true);
		expect(validate(config, 'timeout', 0)).toBe(false);
		expect(validate(config, 'authMethod', 'token')).toBe(true);
		expect(validate(config, 'authMethod', 'oauth')).toBe(false);
	});

	it('asks for a public IPv4 only in restricted access mode', () => {
		const connect = definitionOf('remoteit-connect');
		expect(validate(connect, 'hostIp', '', { accessMode: 'latching' })).toBe(true);
		expect(validate(connect, 'hostIp', '203.0.113.7', { accessMode: 'restricted' })).toBe(true);
		for (const ip of [
			'',
			'10.1.2.3',
			'192.168.0.1',
			'127.0.0.1',
			'172.20.0.1',
			'256.1.1.1',
			'example.com',
		]) {
			expect(validate(connect, 'hostIp', ip, { accessMode: 'restricted' })).toBe(false);
		}
		expect(validate(connect, 'accessMode', 'public')).toBe(true);
		expect(validate(connect, 'proxyType', 'tunnel')).toBe(false);
	});

	it('validates the disconnect Service ID and the devices limit', () => {
		const disconnect = definitionOf('remoteit-disconnect');
		expect(validate(disconnect, 'serviceId', '')).toBe(true);
		expect(validate(disconnect, 'serviceId', '80:00:00:00:01:00:00:02')).toBe(true);
		expect(validate(disconnect, 'serviceId', 'factory-gateway/SSH')).toBe(false);
		const devices = definitionOf('remoteit-devices');
		expect(validate(devices, 'limit', 0)).toBe(true);
		expect(validate(devices, 'limit', '25')).toBe(true);
		for (const limit of [-1, 2.5, '', 'all']) expect(validate(devices, 'limit', limit)).toBe(false);
		expect(validate(devices, 'state', 'online')).toBe(true);
		expect(validate(devices, 'output', 'stream')).toBe(false);
	});

	it('offers the event kinds of the n8n Trigger and polls every 10 s to a day, in whole seconds', () => {
		const events = definitionOf('remoteit-events');
		expect(events.inputs).toBe(0);
		for (const kind of ['deviceOffline', 'deviceOnline', 'deviceStateChanged', 'connectionOpened'])
			expect(validate(events, 'event', kind)).toBe(true);
		expect(validate(events, 'event', 'deviceShared')).toBe(false);
		expect(events.defaults.interval.value).toBe(60);
		for (const seconds of [10, '60', 86400])
			expect(validate(events, 'interval', seconds)).toBe(true);
		for (const seconds of [9, 86401, 30.5, '', 'ten', '1m'])
			expect(validate(events, 'interval', seconds)).toBe(false);
	});
});
