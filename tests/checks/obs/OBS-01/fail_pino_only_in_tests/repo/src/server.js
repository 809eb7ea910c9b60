const express = require('express');
const app = express();

app.get('/products', (req, res) => {
  console.info('GET /products');
  res.json([]);
});
app.listen(3000);
