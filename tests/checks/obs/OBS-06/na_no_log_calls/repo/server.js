const express = require('express');

const app = express();

app.post('/login', (req, res) => {
  res.status(204).end();
});

app.listen(3000);
