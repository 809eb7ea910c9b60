const express = require('express');
const helmet = require('helmet');

const app = express();
app.use(
  helmet({
    frameguard: false,
    contentSecurityPolicy: false,
    hsts: { maxAge: 15552000 },
  }),
);
app.get('/items', (req, res) => res.json([]));
module.exports = app;
