const express = require('express');
const app = express();
app.get('/status', (req, res) => res.json({ ok: true, page: req.query.page }));
app.listen(3000);
