const { Pool } = require('pg');
const pool = new Pool();

async function placeOrder(order) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE stock SET reserved = reserved + 1 WHERE sku = $1', [order.sku]);
    await client.query('INSERT INTO orders (id, sku) VALUES ($1, $2)', [order.id, order.sku]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

module.exports = { placeOrder };
