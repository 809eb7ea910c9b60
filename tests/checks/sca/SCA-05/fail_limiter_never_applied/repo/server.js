const express = require('express');
const rateLimit = require('express-rate-limit');

const app = express();
const limiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 100 });

app.post('/api/login', (req, res) => res.json({ ok: true }));
app.listen(3000);
