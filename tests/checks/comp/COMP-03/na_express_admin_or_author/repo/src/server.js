const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool();
app.use(express.json());

// A post may be edited by its author; moderators with isAdmin may edit any post.
app.patch('/posts/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT author_id FROM posts WHERE id = $1', [req.params.id]);
  if (!rows.length) return res.status(404).end();
  if (req.user.isAdmin || rows[0].author_id === req.user.id) {
    await pool.query('UPDATE posts SET body = $1 WHERE id = $2', [req.body.body, req.params.id]);
    return res.status(204).end();
  }
  res.status(403).end();
});

app.delete('/posts/:id', canEditPost, async (req, res) => {
  await pool.query('DELETE FROM posts WHERE id = $1', [req.params.id]);
  res.status(204).end();
});

function canEditPost(req, res, next) {
  if (isOwnerOrAdmin(req.user, req.params.id)) return next();
  res.status(403).end();
}

function isOwnerOrAdmin(user, postId) {
  return user.role === 'admin' || user.posts.includes(postId);
}

app.listen(3000);
