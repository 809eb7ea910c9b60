const express = require('express');
const app = express();
app.get('/hello', (req, res) => {
  const name = req.query.name;
  res.status(200).send(`<h1>Hello ${name}</h1>`);
});
app.get('/safe', (req, res) => res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`));
app.listen(3000);
function escapeHtml(s) { return String(s).replace(/</g, '&lt;'); }
