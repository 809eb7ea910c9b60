const express = require('express');
const cors = require('cors');
const app = express();
// Meant to allow our subdomains, but /example\.com/ also matches evil-example.com.attacker.net
app.use(cors({ origin: /example\.com/, credentials: true }));
app.get('/api/me', (req, res) => res.json({}));
app.listen(3000);
