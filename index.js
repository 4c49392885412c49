'use strict';
// The package root: the shared remote.it client for scripts and n8n Code nodes.
// n8n reads the `n8n` section of package.json and Node-RED the `node-red` section, so nothing heavy loads here.
module.exports = require('./dist/client');
