import express from 'express';

const app = express();
app.get('/health', (req, res) => res.json({ status: 'ok' }));
app.listen(Number(process.env.PORT ?? 3000));
