const { randomUUID } = require('node:crypto');
const express = require('express');

const app = express();
app.use((req, res, next) => {
  req.id = req.get('X-Request-ID') || randomUUID();
  res.set('X-Request-ID', req.id);
  next();
});
app.get('/orders', (req, res) => res.json([]));
app.listen(3000);
