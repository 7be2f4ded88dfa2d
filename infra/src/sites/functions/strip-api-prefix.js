// A CloudFront Function (cloudfront-js-2.0) on the viewer requests of a site's `/api/*`
// behaviour: the API's routes have no `/api` prefix (`/api/events` is the route `/events`), and
// its origin path adds the API stage (`/prod`).
// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler` by its name.
function handler(event) {
  const request = event.request;
  request.uri = request.uri.replace(/^\/api(?=\/|$)/, '') || '/';
  return request;
}
