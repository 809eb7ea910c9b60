import express from 'express';
import { logger } from './logger';

const app = express();

app.post('/refresh', (req, res) => {
  const refreshToken = req.get('x-refresh-token');
  const accessToken = issue(refreshToken);
  logger.info({ accessToken }, 'token refreshed');
  res.json({ accessToken });
});
app.listen(3000);
