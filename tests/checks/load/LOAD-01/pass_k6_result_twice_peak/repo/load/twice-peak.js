import http from 'k6/http';
export const options = {
  scenarios: { twice_peak: { executor: 'constant-arrival-rate', rate: 200, timeUnit: '1s', duration: '15m', preAllocatedVUs: 200 } },
  thresholds: { http_req_failed: ['rate<0.001'], http_req_duration: ['p(95)<250', 'p(99)<500'] },
};
export default function () { http.get(`${__ENV.BASE_URL}/orders`); }
