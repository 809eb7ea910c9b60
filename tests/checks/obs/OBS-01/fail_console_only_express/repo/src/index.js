const express = require('express');

const app = express();

app.get('/todos', (req, res) => {
  console.log('listing todos');
  res.json([]);
});

app.listen(3000, () => console.log('listening on 3000'));
