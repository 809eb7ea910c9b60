const express = require('express');

const app = express();
app.get('/healthz', (req, res) => res.json({ status: 'ok' }));
app.get('/orders', (req, res) => res.json([]));
app.listen(process.env.PORT || 3000);
