const express = require('express');
const app = express();

app.get('/health', (req, res) => res.send('ok'));
app.get('/time', (req, res) => res.json({ now: Date.now() }));

app.listen(3000);
