const express = require('express');
const { cache } = require('./cache');
const store = require('./store');

const app = express();

app.get('/websites/:id', async (req, res) => {
  // Cache keys built with templates: not SQL.
  const website = await cache.fetch(`website:${req.params.id}`, () => store.all('SELECT * FROM websites'));
  const owner = await cache.get(`owner:${req.params.id}`);
  res.json({ website, owner });
});

app.get('/users', async (req, res) => {
  const rows = await store.all(`SELECT * FROM users WHERE name = '${req.query.name}'`);
  res.json(rows);
});

app.listen(3000);
