/**
 * True when the bytes end with a ZIP archive's end-of-central-directory record whose comment
 * length reaches exactly the end of the file: how an archive is appended to an image so that both
 * an image viewer and an unzip tool accept it. A random match is practically impossible because
 * the signature and the length must agree.
 */
export function endsWithZipArchive(tail: Buffer): boolean {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail[at] === 0x50 && tail[at + 1] === 0x4b && tail[at + 2] === 0x05 && tail[at + 3] === 0x06) {
      const commentLength = tail.readUInt16LE(at + 20);
      if (at + 22 + commentLength === tail.length) return true;
    }
  }
  return false;
}
