const express = require('express');
const app = express();

app.get('/users', (req, res) => res.json([]));
app.get('/healthz', (req, res) => res.status(200).send('ok'));

app.listen(3000);
