import { t } from '@/lib/i18n';
import type { SniffText } from '@/lib/register/register-file';

function delimiterName(d: SniffText['delimiter']): string {
  switch (d) {
    case ';':
      return t('delimiterSemicolon');
    case '\t':
      return t('delimiterTab');
    case ',':
      return t('delimiterComma');
    default:
      return t('delimiterNone');
  }
}

function encodingName(s: SniffText): string {
  const name = s.encoding === 'windows-1252' ? 'Latin-1 (Windows-1252)' : s.encoding.toUpperCase();
  return s.bom ? t('encodingWithBom', name) : name;
}

export function columnTitle(s: SniffText, index: number): string {
  const col = s.columns[index];
  const head = col?.header?.trim();
  return head ? t('columnNamed', [String(index + 1), head]) : t('columnNumbered', String(index + 1));
}

/**
 * What the sniffer found in the file's first bytes, the first rows as a
 * table, and the choice of the column holding the numbers (pre-selected) and
 * of the header row.
 */
export function ImportPreview({
  id,
  sniff,
  column,
  onColumn,
  hasHeader,
  onHasHeader,
}: {
  id: string;
  sniff: SniffText;
  column: number;
  onColumn: (column: number) => void;
  hasHeader: boolean;
  onHasHeader: (hasHeader: boolean) => void;
}) {
  const width = sniff.delimiter === null ? 1 : sniff.columns.length;
  const rows = sniff.rows;
  const header = hasHeader ? rows[0] : undefined;
  const body = hasHeader ? rows.slice(1) : rows;
  return (
    <div class="import-preview" data-testid={`${id}-preview`}>
      <p class="muted" data-testid={`${id}-detected`}>
        {t('detectedFormat', [encodingName(sniff), delimiterName(sniff.delimiter), sniff.lineEnding === '\r\n' ? 'CRLF' : sniff.lineEnding === '\r' ? 'CR' : 'LF'])}
      </p>
      {sniff.phoneColumn === null && (
        <p class="notice warn" role="alert">
          {t('noPhoneColumnFound')}
        </p>
      )}
      <div class="row">
        {width > 1 && (
          <div>
            <label for={`${id}-column`}>{t('columnLabel')}</label>
            <select id={`${id}-column`} value={String(column)} onChange={(e) => onColumn(Number(e.currentTarget.value))}>
              {Array.from({ length: width }, (_, i) => (
                <option key={i} value={String(i)}>
                  {columnTitle(sniff, i)}
                  {sniff.phoneColumn === i ? ` — ${t('columnDetected')}` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <label class="switch">
          <input type="checkbox" checked={hasHeader} onChange={(e) => onHasHeader(e.currentTarget.checked)} /> {t('firstLineIsHeader')}
        </label>
      </div>
      <div class="table-scroll">
        <table class="preview-table">
          <caption class="sr-only">{t('previewCaption')}</caption>
          {header && (
            <thead>
              <tr>
                {Array.from({ length: width }, (_, i) => (
                  <th key={i} class={i === column ? 'chosen' : ''} scope="col">
                    {header[i] ?? ''}
                  </th>
                ))}
              </tr>
            </thead>
          )}
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i} class={`mono${i === column ? ' chosen' : ''}`}>
                    {row[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
