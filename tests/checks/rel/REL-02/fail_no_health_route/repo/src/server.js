const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/orders', async (req, res) => {
  const { rows } = await pool.query('SELECT id FROM orders');
  res.json(rows);
});

app.listen(3000);
