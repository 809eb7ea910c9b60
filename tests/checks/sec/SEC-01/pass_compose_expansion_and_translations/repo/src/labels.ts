import messages from '../public/intl/messages/de-DE.json';

export const passwordLabel = messages.password;
