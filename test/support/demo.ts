/**
 * The demo emulator of a test file, the one set-up every project's suites share: one emulator for the whole file
 * (started in beforeAll, closed in afterAll), back to its seed before each test. The handle is returned at once,
 * so a file can declare it as a `const` and use it in its tests and hooks. Its seed is read up front (the same
 * seed the emulator serves), so the account is available at the top of a file; url and port exist once the
 * emulator runs. A file's own beforeEach runs after the reset (hooks run in the order they are declared).
 */
import {
	DEMO_SEED_PATH,
	loadSeedFile,
	startEmulator,
	validateSeed,
	type RunningEmulator,
	type StartEmulatorOptions,
} from '../../emulator';
import {
	readRequestLog,
	resetEmulator,
	seedAccount,
	type RequestLogEntry,
	type SeedAccount,
} from './emulator-control';

/** Devices and services of the demo seed (emulator/seed/demo.json) the suites use, and an id it does not have. */
export const DEMO_IDS = {
	gatewayDevice: '80:00:00:00:01:00:00:01',
	gatewaySsh: '80:00:00:00:01:00:00:02',
	gatewayWebUi: '80:00:00:00:01:00:00:03',
	gatewayPostgres: '80:00:00:00:01:00:00:04',
	desktopRdp: '80:00:00:00:01:00:00:11',
	nvrHttps: '80:00:00:00:01:00:00:21',
	offlineSensorSsh: '80:00:00:00:01:00:00:31',
	piDevice: '80:00:00:00:01:00:00:40',
	piSsh: '80:00:00:00:01:00:00:41',
	unknownService: '80:00:00:00:0F:0F:0F:0F',
} as const;
/**
 * The demo seed's fleet (its devices' `tags`): four devices tagged "line-3", warehouse-sensor offline, and whose
 * SSH services all reach the demo device's SSH server; "gateway" is on factory-gateway alone.
 */
export const DEMO_FLEET = {
	tag: 'line-3',
	devices: ['camera-nvr', 'factory-gateway', 'lab-raspberrypi', 'warehouse-sensor'],
	online: ['camera-nvr', 'factory-gateway', 'lab-raspberrypi'],
	sshServices: ['80:00:00:00:01:00:00:22', '80:00:00:00:01:00:00:02', '80:00:00:00:01:00:00:41'],
	gatewayTag: 'gateway',
} as const;
/** The two services most tests connect to: the gateway's SSH (a port proxy) and its web UI (a reverse proxy). */
export const SSH = DEMO_IDS.gatewaySsh;
export const WEB_UI = DEMO_IDS.gatewayWebUi;
/** What the demo seed's WEB_UI proxy serves (an `http` responder), so a test can tell it came through. */
export const DEVICE_PAGE_HEADING = '<h1>factory-gateway</h1>';

export interface Demo {
	emulator: RunningEmulator;
	/** The seed's first account. */
	account: SeedAccount;
	/** What the emulator received since the last reset. */
	log(): Promise<RequestLogEntry[]>;
}

export function useDemo(options: StartEmulatorOptions = {}): Demo {
	const seed =
		typeof options.seed === 'object'
			? validateSeed(options.seed)
			: loadSeedFile(options.seed ?? DEMO_SEED_PATH);
	let running: RunningEmulator | undefined;
	beforeAll(async () => {
		running = await startEmulator({ ...options, seed });
	});
	afterAll(() => running?.close());

	const started = (): RunningEmulator => {
		if (!running)
			throw new Error('the emulator starts in beforeAll: use it inside tests and hooks');
		return running;
	};
	const emulator: RunningEmulator = {
		seed,
		get url() {
			return started().url;
		},
		get port() {
			return started().port;
		},
		close: () => started().close(),
	};
	beforeEach(() => resetEmulator(emulator.url));
	return {
		emulator,
		get account() {
			return seedAccount(seed);
		},
		log: () => readRequestLog(emulator.url),
	};
}
