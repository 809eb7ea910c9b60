const express = require('express');
const { current } = require('./weather');
const app = express();
app.get('/weather/:city', async (req, res) => res.json(await current(req.params.city)));
app.listen(3000);
