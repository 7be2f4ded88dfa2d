import QRCode from 'qrcode';

/** Error correction M: a code with a scuffed corner or a cracked screen still scans. */
const ERROR_CORRECTION = 'M';
/** The standard quiet zone around a code, in modules. */
export const QR_MARGIN = 4;

/** A ticket's code as a PNG for the email: 5 pixels a module, twice what the HTML shows. */
export const qrPng = (text: string) =>
  QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QR_MARGIN,
    scale: 5,
  });

/** A ticket's code as its grid of modules (true is dark), for the PDF to draw as vectors. */
export const qrModules = (text: string) => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))),
  );
};
