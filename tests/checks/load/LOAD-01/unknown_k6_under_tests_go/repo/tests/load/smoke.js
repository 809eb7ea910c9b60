import http from 'k6/http';

export const options = { vus: 50, duration: '5m', thresholds: { http_req_duration: ['p(99)<400'] } };

export default function () {
  http.get(`${__ENV.BASE_URL}/items`);
}
