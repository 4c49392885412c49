const {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} = require('node:fs');
const { execFileSync } = require('node:child_process');
const { dirname, join, relative } = require('node:path');
const { src, dest, parallel, series } = require('gulp');

/**
 * tsc compiles everything into dist/; these tasks put the assets each engine loads beside the compiled .js, then
 * assemble the two published packages in dist/packages/ (see README "Install it in your own n8n or Node-RED"):
 * - n8n-nodes-remoteit: the n8n node, trigger and credential, no runtime dependencies, no global timers (n8n's
 *   community-node verification); the client files they load, nothing else.
 * - node-red-contrib-remoteit: the four Node-RED nodes with their editor files, locales and example flows; axios is
 *   its only dependency. Its `main` is the client with its defaults, for scripts.
 * Each gets README, LICENSE and CHANGELOG; no source maps (their sources are not shipped) and no .d.ts.
 */
const root = __dirname;
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packagesDir = join(root, 'dist', 'packages');
const DOCUMENTS = ['README.md', 'LICENSE', 'CHANGELOG.md'];
const NODE_RED_NODES = [
	'remoteit-config',
	'remoteit-connect',
	'remoteit-disconnect',
	'remoteit-devices',
	'remoteit-events',
	'remoteit-connections',
];
/** The oldest Node-RED the e2e tests run (dev/pins/node-red); 5.x (dev/pins/node-red-5) is tested too. */
const testedNodeRed = JSON.parse(
	readFileSync(join(root, 'dev', 'pins', 'node-red', 'package.json'), 'utf8'),
).dependencies['node-red'];

function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyN8nNodeAssets() {
	return src(['nodes/**/*.{svg,png,json}', '!nodes/node-red/**'], { encoding: false }).pipe(
		dest('dist/nodes'),
	);
}

function copyNodeRedAssets() {
	return src(['nodes/node-red/**/*.{html,json,svg,png}'], { encoding: false }).pipe(
		dest('dist/nodes/node-red'),
	);
}

const RELATIVE_REQUIRE = /require\((["'])(\.{1,2}\/[^"']+)\1\)/g;

/** The compiled files `entries` load, following relative requires (what the engine loads, and only that). */
function requireClosure(entries) {
	const seen = new Set();
	const visit = (file) => {
		if (seen.has(file)) return;
		if (!existsSync(file))
			throw new Error(`${relative(root, file)} is required but was not compiled`);
		seen.add(file);
		for (const [, , target] of readFileSync(file, 'utf8').matchAll(RELATIVE_REQUIRE)) {
			const base = join(dirname(file), target);
			visit(existsSync(`${base}.js`) ? `${base}.js` : join(base, 'index.js'));
		}
	};
	entries.forEach((entry) => visit(join(root, entry)));
	return [...seen].map((file) => relative(root, file)).sort();
}

function filesUnder(folder, pattern) {
	const base = join(root, folder);
	if (!existsSync(base)) return [];
	return readdirSync(base, { recursive: true })
		.map((entry) => join(folder, String(entry)))
		.filter((file) => pattern.test(file))
		.sort();
}

/** Compiled JavaScript without its source-map comment; other files as they are. */
function copyInto(packageDir, file, target = file) {
	const destination = join(packageDir, target);
	mkdirSync(dirname(destination), { recursive: true });
	const content = readFileSync(join(root, file));
	writeFileSync(
		destination,
		file.endsWith('.js')
			? content.toString('utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
			: content,
	);
}

/** The fields both published manifests take from the repository's package.json. */
function sharedManifest() {
	const { version, license, author, repository, homepage, bugs, engines } = rootManifest;
	return { version, license, author, repository, homepage, bugs, engines };
}

function writePackage(name, manifest, files) {
	const packageDir = join(packagesDir, name);
	rmSync(packageDir, { recursive: true, force: true });
	files.forEach((file) => copyInto(packageDir, file));
	DOCUMENTS.forEach((file) => copyInto(packageDir, file));
	writeFileSync(join(packageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

function assembleN8nPackage(done) {
	const { n8n } = rootManifest;
	const files = [
		...requireClosure([...n8n.nodes, ...n8n.credentials]),
		...filesUnder('dist/nodes', /\.node\.json$/).filter((file) => !file.includes('node-red')),
		...filesUnder('dist/icons', /\.svg$/),
	];
	// client/transport/ holds axios, Node's timers and the socket probe: never in the n8n package.
	const forbidden = files.filter((file) => /client\/transport\//.test(file));
	if (forbidden.length > 0)
		throw new Error(`the n8n package must not load ${forbidden.join(', ')}`);
	writePackage(
		'n8n-nodes-remoteit',
		{
			name: 'n8n-nodes-remoteit',
			...sharedManifest(),
			description:
				'remote.it for n8n: open a proxy connection to a device behind NAT, use it, close it; list devices; trigger on device events.',
			keywords: ['n8n-community-node-package', 'n8n', 'remote.it', 'remoteit', 'proxy', 'iot'],
			files: ['dist', 'CHANGELOG.md'],
			n8n,
			peerDependencies: rootManifest.peerDependencies,
		},
		files,
	);
	done();
}

function assembleNodeRedPackage(done) {
	const nodeFiles = NODE_RED_NODES.map((name) => `dist/nodes/node-red/${name}.js`);
	const files = [
		...requireClosure([...nodeFiles, 'dist/client/transport/index.js']),
		...filesUnder('dist/nodes/node-red', /\.(html|svg|png)$|locales\/.+\.json$/),
	];
	const packageDir = join(packagesDir, 'node-red-contrib-remoteit');
	writePackage(
		'node-red-contrib-remoteit',
		{
			name: 'node-red-contrib-remoteit',
			...sharedManifest(),
			description:
				'remote.it for Node-RED: open a proxy connection to a device behind NAT, use it, close it; list devices.',
			keywords: ['node-red', 'remote.it', 'remoteit', 'proxy', 'iot'],
			main: 'dist/client/transport/index.js',
			files: ['dist', 'examples', 'CHANGELOG.md'],
			'node-red': {
				version: `>=${testedNodeRed}`,
				nodes: Object.fromEntries(NODE_RED_NODES.map((name, index) => [name, nodeFiles[index]])),
			},
			dependencies: { axios: rootManifest.devDependencies.axios },
		},
		files,
	);
	filesUnder('examples', /\.json$/).forEach((file) => copyInto(packageDir, file));
	done();
}

/** `npm run pack`: exactly the two tarballs in artifacts/ (older ones removed). */
function pack(done) {
	const artifacts = join(root, 'artifacts');
	rmSync(artifacts, { recursive: true, force: true });
	mkdirSync(artifacts);
	for (const name of ['n8n-nodes-remoteit', 'node-red-contrib-remoteit']) {
		execFileSync(
			'npm',
			['pack', '--silent', '--pack-destination', artifacts, join(packagesDir, name)],
			{ stdio: ['ignore', 'inherit', 'inherit'] },
		);
	}
	done();
}

exports.build = series(
	parallel(copyIcons, copyN8nNodeAssets, copyNodeRedAssets),
	parallel(assembleN8nPackage, assembleNodeRedPackage),
);
exports.pack = pack;
