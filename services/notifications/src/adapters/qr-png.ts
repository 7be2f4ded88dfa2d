import QRCode from 'qrcode';

/**
 * A QR code as a PNG: error correction M (a scuffed phone screen still scans), the standard
 * four-module quiet zone, 6 pixels a module so it stays sharp printed or on a screen.
 */
export const qrPng = (text: string) =>
  QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
