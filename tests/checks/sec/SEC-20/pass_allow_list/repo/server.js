const express = require('express');
const cors = require('cors');

const allowed = ['https://app.example.com', 'https://admin.example.com'];
const app = express();
app.use(cors({ origin: allowed, credentials: true }));
app.get('/api/orders', (req, res) => res.json([]));
app.listen(3000);
