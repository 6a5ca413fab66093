/** Magic bytes that tell an uploaded file's real type, whatever its name says. */

/** ZIP: XLSX, DOCX (Office Open XML packages). */
export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;
/** Compound File Binary (OLE): the pre-2007 `.xls` and `.doc`. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export const startsWithBytes = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);
