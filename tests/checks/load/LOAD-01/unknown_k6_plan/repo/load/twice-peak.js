import http from 'k6/http';
import { check } from 'k6';

export const options = {
  scenarios: {
    twice_peak: {
      executor: 'constant-arrival-rate',
      rate: 200,
      timeUnit: '1s',
      duration: '15m',
      preAllocatedVUs: 200,
      maxVUs: 1000,
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.001'],
    http_req_duration: ['p(95)<250'],
  },
};

export default function () {
  const res = http.get(`${__ENV.BASE_URL}/orders`);
  check(res, { 'status 200': (r) => r.status === 200 });
}
