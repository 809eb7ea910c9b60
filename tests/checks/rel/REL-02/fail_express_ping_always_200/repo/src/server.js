const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/health', async (req, res) => {
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    console.error('database check failed', err);
  }
  res.json({ status: 'ok' });
});

app.listen(3000);
