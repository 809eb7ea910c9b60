import { Pool } from 'pg';
// The database password is a connection setting, not a user's password.
export const pool = new Pool({ host: process.env.PGHOST, password: process.env.PGPASSWORD });
