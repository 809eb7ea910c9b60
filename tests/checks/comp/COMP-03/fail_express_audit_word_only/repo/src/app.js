const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool();
app.use(express.json());

function requireAdmin(req, res, next) {
  if (req.user && req.user.role === 'admin') return next();
  res.status(403).end();
}

// TODO: audit log for admin actions (audit_log table)
function audit(action, req) {
  console.log('audit', action, req.user && req.user.id);
}

app.get('/admin/users', requireAdmin, async (req, res) => {
  const { rows } = await pool.query('SELECT id, email FROM users');
  res.json(rows);
});

app.delete('/admin/users/:id', requireAdmin, async (req, res) => {
  await pool.query('DELETE FROM users WHERE id = $1', [req.params.id]);
  audit('user.delete', req);
  res.status(204).end();
});

app.post('/admin/orders/:id/refund', requireAdmin, async (req, res) => {
  await pool.query("UPDATE orders SET status = 'refunded' WHERE id = $1", [req.params.id]);
  res.json({ ok: true });
});

app.listen(3000);
