const express = require('express');
const app = express();

app.get('/orders', (req, res) => res.json([]));
app.post('/orders', (req, res) => res.status(201).json({}));

// Calling another service's health endpoint is not a health endpoint of our own.
async function upstreamUp() {
  const r = await fetch('http://inventory:8080/health');
  return r.ok;
}

app.listen(3000);
module.exports = { upstreamUp };
