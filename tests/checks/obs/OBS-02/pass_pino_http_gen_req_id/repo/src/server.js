const { randomUUID } = require('node:crypto');
const express = require('express');
const pinoHttp = require('pino-http');

const app = express();
app.use(pinoHttp({
  genReqId: (req, res) => {
    const id = req.headers['x-request-id'] ?? randomUUID();
    res.setHeader('X-Request-ID', id);
    return id;
  },
}));
app.get('/orders', (req, res) => res.json([]));
app.listen(3000);
