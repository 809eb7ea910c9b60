const express = require('express');
const cors = require('cors');
const app = express();
// Public, read-only exchange-rate API: no cookies, no auth.
app.use(cors());
app.get('/v1/rates', (req, res) => res.json({ eur: 1.08 }));
app.listen(3000);
