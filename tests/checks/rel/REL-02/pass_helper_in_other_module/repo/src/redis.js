const { createClient } = require('redis');

exports.client = createClient();
