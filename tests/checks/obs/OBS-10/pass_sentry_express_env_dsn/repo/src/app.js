require('./instrument');
const Sentry = require('@sentry/node');
const express = require('express');
const app = express();
app.get('/tickets', (req, res) => res.json([]));
Sentry.setupExpressErrorHandler(app);
app.listen(3000);
