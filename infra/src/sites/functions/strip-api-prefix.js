// A CloudFront Function (cloudfront-js-2.0) on the viewer requests of a site's `/api/*`
// behaviour, so every path it sees starts with `/api/`: the API's routes have no such prefix
// (`/api/events` is the route `/events`), and the origin path adds the API stage (`/prod`).
// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler` by its name.
function handler(event) {
  const request = event.request;
  request.uri = request.uri.substring('/api'.length);
  return request;
}
