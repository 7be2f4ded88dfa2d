/** pdfkit ships its standard fonts' metrics as modules, without types: data it alone reads. */
declare module 'pdfkit/standard-fonts/*' {
  const metrics: unknown;
  export default metrics;
}
