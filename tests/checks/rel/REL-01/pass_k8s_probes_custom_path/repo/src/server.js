const express = require('express');
const app = express();

app.get('/api/v1/alive', (req, res) => res.send('ok'));
app.get('/api/v1/orders', (req, res) => res.json([]));

app.listen(8080);
