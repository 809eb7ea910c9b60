const express = require('express');
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
const app = express();

app.get('/orders', async (req, res) => {
  const [rows] = await pool.query('SELECT id FROM orders');
  res.json(rows);
});

app.listen(Number(process.env.PORT));
