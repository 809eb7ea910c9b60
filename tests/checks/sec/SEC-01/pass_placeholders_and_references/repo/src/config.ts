export const config = {
  awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  apiKey: process.env.API_KEY,
  password: 'changeme',
  token: '<your-token>',
  secretName: 'app-secrets-production',
  tokenUrl: 'https://auth.example.com/oauth/token',
  passwordField: 'user_password_confirmation',
  clientSecret: process.env.OAUTH_CLIENT_SECRET ?? '',
};
