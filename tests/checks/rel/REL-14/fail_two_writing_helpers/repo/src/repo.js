const { Pool } = require('pg');
const pool = new Pool();

async function insertOrder(order) {
  await pool.query('INSERT INTO orders (id, total) VALUES ($1, $2)', [order.id, order.total]);
}

async function reserveStock(items) {
  await pool.query('UPDATE stock SET reserved = reserved + $2 WHERE sku = $1', [items[0].sku, items[0].qty]);
}

module.exports = { insertOrder, reserveStock };
