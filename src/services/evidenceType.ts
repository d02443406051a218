/**
 * What an uploaded evidence file really is, judged from its first bytes (magic numbers) and never
 * from its name: PDF, Word, Excel and images are accepted. Office files since 2007 are ZIP
 * archives, told apart by the part names inside (word/..., xl/...); Office 97-2003 files share one
 * container format (OLE), so there the name's extension chooses between Word and Excel.
 */
import { filetypeinfo } from 'magic-bytes.js';

export interface EvidenceType {
  mime: string;
  /** What a person reads: "PDF", "Word", "Excel", "Ảnh". */
  label: string;
  extension: string;
}

const PDF: EvidenceType = { mime: 'application/pdf', label: 'PDF', extension: 'pdf' };
const DOCX: EvidenceType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', extension: 'docx' };
const XLSX: EvidenceType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', extension: 'xlsx' };
const DOC: EvidenceType = { mime: 'application/msword', label: 'Word', extension: 'doc' };
const XLS: EvidenceType = { mime: 'application/vnd.ms-excel', label: 'Excel', extension: 'xls' };
const IMAGES: Record<string, EvidenceType> = {
  png: { mime: 'image/png', label: 'Ảnh', extension: 'png' },
  jpg: { mime: 'image/jpeg', label: 'Ảnh', extension: 'jpg' },
  gif: { mime: 'image/gif', label: 'Ảnh', extension: 'gif' },
  webp: { mime: 'image/webp', label: 'Ảnh', extension: 'webp' },
};

export const ACCEPTED_EVIDENCE = 'PDF, Word (.doc, .docx), Excel (.xls, .xlsx) hoặc ảnh (PNG, JPEG, GIF, WebP)';

/** The type of the file, or undefined when it is none of the accepted kinds (SVG and HTML never are: they can carry script). */
export function detectEvidenceType(bytes: Uint8Array, fileName: string): EvidenceType | undefined {
  const candidates = filetypeinfo(bytes.subarray(0, 4096)).map((info) => info.typename);
  if (candidates.includes('pdf')) return PDF;
  for (const name of ['png', 'jpg', 'gif', 'webp']) if (candidates.includes(name)) return IMAGES[name];
  if (candidates.includes('zip')) return officeOpenXml(bytes);
  if (candidates.includes('doc') || candidates.includes('xls')) {
    const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
    if (extension === 'doc') return DOC;
    if (extension === 'xls') return XLS;
  }
  return undefined;
}

/** A Word or Excel document, from the names of the parts the archive lists (stored uncompressed). */
function officeOpenXml(bytes: Uint8Array): EvidenceType | undefined {
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!names.includes('[Content_Types].xml')) return undefined;
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  return undefined;
}
