const express = require('express');
const { run } = require('./db');
const app = express();

app.get('/users/:id', async (req, res) => {
  const { rows } = await run(`SELECT * FROM users WHERE id = ${req.params.id}`);
  res.json(rows);
});

app.listen(3000);
