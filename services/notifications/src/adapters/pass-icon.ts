/**
 * The pass's icon (Wallet requires one; it shows on the lock screen and in notifications): a blue
 * disc, 58 px square, PNG. Kept inline so the bundle needs no file beside it.
 */
export const passIconPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADoAAAA6CAYAAADhu0ooAAABlElEQVR4AeXBy3EjUQhA0QulHfEQDBESDPGwZrTwYkqlX0ttu+V3jswMK1AWoSxCWcSJb2JRw4s6XdjZiZ1Z1PAmixrOOl3YyYkdWNTwDSxq+NLpwhuUN1nU8AMsanjDiRdZ1PDDLGo463RhI+UFFjX8IosaNlI2sqjhACxq2EDZwKKGA7Go4UnKkyxqOCCLGp6gPMGihgOzqOEB5QGLGj6ARQ13KItQ7rCo4YNY1HCDcoNFDR/IooYrlEUoi1CusKjhg1nUcEFZhHLBooY/wKKG/yiLUBahLEJZhLIIZRHKIpRFKItQFqEsQlmEsghlEcqFThf+gE4X/qMsQrmi04UP1unCBWURyiKUGzpd+ECdLlyh3NHpwgfpdOEGZRHKA50ufIBOF+5QntDpwoF1uvCA8qROFw6o04UnKBt0unAgnS48Sdmo04UD6HRhA+UFnS78ok4XNjrxok4Xzixq+CGdLrxIeVOnCz+g04U3nNhBpwtfLGrYSacLOzmxs04XzixqeFGnCzs78U06XTgQZRHKIv4B5GKFUy/y1yoAAAAASUVORK5CYII=',
  'base64',
);
