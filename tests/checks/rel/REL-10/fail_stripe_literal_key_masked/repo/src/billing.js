const Stripe = require('stripe');

const stripe = new Stripe('sk_test_gonogoFixtureNotARealKey0000', { apiVersion: '2024-04-10' });

module.exports = { stripe };
