// Builds a password-protected PDF without external tools: pdf-lib cannot encrypt, so this adds the
// Standard security handler's /Encrypt dictionary (revision 2, 40-bit RC4, PDF 1.7 §7.6.3) with
// a user password. A reader must ask for that password before it can open the file.
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';

// PDF 1.7 §7.6.3.3, Algorithm 2 step a: the padding appended to every password.
const PASSWORD_PADDING = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);

// Node's OpenSSL 3 no longer offers RC4 without the legacy provider; the cipher is a few lines.
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const padded = (password: string) =>
  Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

export async function encryptedPdf(userPassword: string, ownerPassword: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawText('Vertrouwelijk antwoord op schriftelijke vraag nr. 1', {
    x: 50,
    y: 700,
    font: await document.embedFont(StandardFonts.Helvetica),
  });

  const fileId = md5(Buffer.from('vraagbaak encrypted fixture'));
  const permissions = -44; // print and copy denied
  const permissionBytes = Buffer.alloc(4);
  permissionBytes.writeInt32LE(permissions);
  const owner = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword)); // Algorithm 3
  const key = md5(padded(userPassword), owner, permissionBytes, fileId).subarray(0, 5); // Algorithm 2
  const user = rc4(key, PASSWORD_PADDING); // Algorithm 4

  const { context } = document;
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: PDFName.of('Standard'),
      V: PDFNumber.of(1),
      R: PDFNumber.of(2),
      O: PDFHexString.of(owner.toString('hex')),
      U: PDFHexString.of(user.toString('hex')),
      P: PDFNumber.of(permissions),
    }),
  );
  const id = PDFHexString.of(fileId.toString('hex'));
  context.trailerInfo.ID = context.obj([id, id]);
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
