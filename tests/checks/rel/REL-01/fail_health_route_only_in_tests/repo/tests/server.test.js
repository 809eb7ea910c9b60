const express = require('express');

// A stub app for the tests: its /health route is not the service's own.
const app = express();
app.get('/health', (req, res) => res.send('ok'));
module.exports = app;
