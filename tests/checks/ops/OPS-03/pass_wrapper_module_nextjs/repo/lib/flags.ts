import * as LaunchDarkly from '@launchdarkly/node-server-sdk';

export const ld = LaunchDarkly.init(process.env.LD_SDK_KEY!);
