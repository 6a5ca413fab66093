import type { FastifyReply } from 'fastify';

/** Sends a workbook as a download named in Chinese (RFC 6266 filename*). */
export function sendXlsx(reply: FastifyReply, baseName: string, body: Buffer) {
  const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const fileName = encodeURIComponent(`${baseName}-${stamp}.xlsx`);
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${fileName}`)
    .send(body);
}
