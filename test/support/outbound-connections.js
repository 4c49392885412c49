/**
 * Preloaded into an engine (`node --require`) by tests that must not reach beyond loopback: appends each host the
 * process looks up or opens a TCP connection to, other than loopback, to the file named by REMOTEIT_OUTBOUND_LOG.
 * It only records: no lookup or connection is blocked or changed.
 */
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const logFile = process.env.REMOTEIT_OUTBOUND_LOG;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/i;

function record(kind, host) {
	if (!logFile || typeof host !== 'string' || host === '' || LOOPBACK.test(host)) return;
	fs.appendFileSync(logFile, `${kind} ${host}\n`);
}

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
	record('lookup', hostname);
	return lookup.call(this, hostname, ...rest);
};
const promisedLookup = dns.promises.lookup;
dns.promises.lookup = function (hostname, ...rest) {
	record('lookup', hostname);
	return promisedLookup.call(this, hostname, ...rest);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
	// net.connect() passes its normalised [options, callback] as one array; a direct call passes them as they came.
	const first = Array.isArray(args[0]) ? args[0][0] : args[0];
	const options = first !== null && typeof first === 'object' ? first : { host: args[1] };
	if (!options.path) record('connect', options.host ?? 'localhost');
	return connect.apply(this, args);
};
