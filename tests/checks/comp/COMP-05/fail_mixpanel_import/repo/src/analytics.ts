import mixpanel from 'mixpanel-browser';

mixpanel.init('token-abc', { track_pageview: true });

export const track = (event: string) => mixpanel.track(event);
