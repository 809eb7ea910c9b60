const https = require('https');
const agent = new https.Agent({ rejectUnauthorized: false });
test('local self-signed server', () => expect(agent).toBeTruthy());
