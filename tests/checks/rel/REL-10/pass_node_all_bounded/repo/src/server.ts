import express from 'express';
import { catalog, fetchRates } from './clients';
const app = express();
app.get('/rates', async (_req, res) => res.json(await fetchRates()));
app.get('/items', async (_req, res) => res.json((await catalog.get('/items')).data));
app.listen(3000);
