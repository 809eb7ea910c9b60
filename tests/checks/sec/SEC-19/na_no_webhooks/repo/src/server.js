const express = require('express');
const app = express();
app.get('/hooks-docs', (req, res) => res.send('see docs'));
app.get('/items', (req, res) => res.json([]));
app.listen(3000);
