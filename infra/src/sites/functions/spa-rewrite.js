// A CloudFront Function (cloudfront-js-2.0) on the viewer requests of a site's default behaviour.
// A path whose last segment has no extension is a route of the single-page app, so S3 is asked
// for the app's index.html; a file (`/favicon.ico`, `/static/js/app.js`) is asked for as it is.
// Error documents would do the same for S3's 403s, but also for the API's 403s and 404s, which
// must reach the client as the API answered them.
// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler` by its name.
function handler(event) {
  const request = event.request;
  const last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}
