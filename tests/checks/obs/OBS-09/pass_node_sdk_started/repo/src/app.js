const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
app.get('/orders', async (req, res) => res.json((await pool.query('select 1')).rows));
app.listen(3000);
