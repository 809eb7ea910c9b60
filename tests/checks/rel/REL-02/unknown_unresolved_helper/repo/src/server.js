const express = require('express');
const { runChecks } = require('./generated/health-checks');

const app = express();

app.get('/health', async (req, res) => {
  const report = await runChecks();
  res.status(report.ok ? 200 : 503).json(report);
});

app.listen(3000);
