const express = require('express');
const app = express();
// Stateless API: clients send an API key header, no cookies.
app.get('/v1/rates', (req, res) => res.json({ eur: 1.08 }));
app.listen(3000);
