const { parse } = require('csv-parse/sync');
module.exports.rows = (text) => parse(text, { columns: true });
