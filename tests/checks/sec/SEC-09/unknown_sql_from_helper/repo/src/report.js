const { Pool } = require('pg');
const { buildReportQuery } = require('@acme/sql-kit');
const pool = new Pool();

async function report(filters) {
  return pool.query(buildReportQuery(filters), filters.values);
}

module.exports = { report };
