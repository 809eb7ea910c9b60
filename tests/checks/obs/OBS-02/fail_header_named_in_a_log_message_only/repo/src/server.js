const express = require('express');

const app = express();
app.get('/orders', (req, res) => {
  console.log('x-request-id');
  res.json([]);
});
app.listen(3000);
