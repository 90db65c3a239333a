#!/usr/bin/env node
// `npm start`: the server from its bundle (dist/server.js), rebuilt first when a source changed.
// The server runs in this process, so the signal npm start is sent reaches it.
'use strict';
require(require('./bundle').serverBundle().server);
