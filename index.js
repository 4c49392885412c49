'use strict';
// The repository's entry: the shared remote.it client with its defaults, for local scripts (`require('.')`).
// Nothing here is published: gulp assembles the two packages in dist/packages/ (see gulpfile.js); the Node-RED one
// carries the same client as its `main`.
module.exports = require('./dist/client');
