const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
app.get('/orders', async (req, res) => res.json((await pool.query('SELECT id FROM orders')).rows));

app.listen(3000);
