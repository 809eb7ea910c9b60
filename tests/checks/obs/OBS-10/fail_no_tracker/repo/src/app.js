const express = require('express');
const app = express();
app.get('/wishlist', (req, res) => res.json([]));
app.use((err, req, res, next) => res.status(500).json({ error: 'internal' }));
app.listen(3000);
