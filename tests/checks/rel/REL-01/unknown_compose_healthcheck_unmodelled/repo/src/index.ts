import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { mountRoutes } from './routes';

const app = new Hono();
mountRoutes(app);
serve({ fetch: app.fetch, port: 3000 });
