import { initializeApp } from 'firebase/app';

export const app = initializeApp({
  apiKey: 'AIzaSyGonogoFixtureWebKey0123456789abcd',
  authDomain: 'gonogo-fixture.firebaseapp.com',
  projectId: 'gonogo-fixture',
});
