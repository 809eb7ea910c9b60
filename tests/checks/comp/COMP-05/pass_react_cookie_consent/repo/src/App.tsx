import posthog from 'posthog-js';
import CookieConsent from 'react-cookie-consent';

export default function App() {
  return (
    <>
      <main>Shop</main>
      <CookieConsent onAccept={() => posthog.opt_in_capturing()}>We use analytics cookies.</CookieConsent>
    </>
  );
}
