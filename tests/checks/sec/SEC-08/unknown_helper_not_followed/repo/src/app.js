const express = require('express');
const { registerUser } = require('@acme/user-service');
const app = express();
app.use(express.json());
app.post('/users', async (req, res) => {
  const input = req.body;
  const user = await registerUser(input);
  res.status(201).json(user);
});
app.listen(3000);
