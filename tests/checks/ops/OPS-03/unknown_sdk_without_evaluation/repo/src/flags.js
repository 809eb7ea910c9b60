const LaunchDarkly = require('@launchdarkly/node-server-sdk');
module.exports.client = LaunchDarkly.init(process.env.LD_SDK_KEY);
