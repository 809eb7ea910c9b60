const express = require('express');
const app = express();
app.get('/health', (req, res) => res.json({ status: 'ok' }));
app.get('/orders', (req, res) => res.json([]));
app.listen(3000);
