const http = require('http');
const express = require('express');
const { createTerminus } = require('@godaddy/terminus');

const app = express();
app.get('/orders', (req, res) => res.json([]));

const server = http.createServer(app);
createTerminus(server, {
  healthChecks: { '/healthz': async () => 'ok' },
});
server.listen(3000);
