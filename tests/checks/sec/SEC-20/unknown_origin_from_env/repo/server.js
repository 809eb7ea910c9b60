const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));
app.get('/api/me', (req, res) => res.json({}));
app.listen(3000);
