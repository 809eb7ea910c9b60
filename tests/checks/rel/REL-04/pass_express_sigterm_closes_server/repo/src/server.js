const express = require('express');
const app = express();
app.get('/orders', (req, res) => res.json([]));

const server = app.listen(3000);

function shutdown(signal) {
  console.info(`${signal} received, draining`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 25000).unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
