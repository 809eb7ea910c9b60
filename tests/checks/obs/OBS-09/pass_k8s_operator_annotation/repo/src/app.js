const express = require('express');
const { Pool } = require('pg');
const pool = new Pool();
const app = express();
app.get('/prices', async (req, res) => res.json((await pool.query('select * from prices')).rows));
app.listen(3000);
