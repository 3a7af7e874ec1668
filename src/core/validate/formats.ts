/** Value formats the API checks server-side, each tied to the documented error it raises. */
import type { ValueFormat } from '../catalog/types';

const HEX = (length: number) => new RegExp(`^[0-9a-fA-F]{${length}}$`);
const SHA1 = HEX(40);
const SHA256 = HEX(64);
const MD5 = HEX(32);
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** A concrete format after `indicatorValue` has been resolved through `indicatorType`. */
export type ConcreteFormat = Exclude<ValueFormat, 'indicatorValue'>;

export function matchesFormat(format: ConcreteFormat, value: string): boolean {
  switch (format) {
    case 'sha1':
      return SHA1.test(value);
    case 'sha256':
      return SHA256.test(value);
    case 'md5':
      return MD5.test(value);
    case 'fileHash':
      return SHA1.test(value) || SHA256.test(value) || MD5.test(value);
    case 'ip':
      return isIpv4(value) || isIpv6(value);
    case 'domain':
      return isDomain(value);
    case 'url':
      return isUrl(value);
    case 'guid':
      return GUID.test(value);
    case 'dateTime':
      return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
  }
}

/** The documented error code a value of this format raises when malformed. */
export function errorCodeForFormat(format: ConcreteFormat): string {
  switch (format) {
    case 'sha1':
    case 'sha256':
    case 'md5':
    case 'fileHash':
      return 'InvalidHashValue';
    case 'ip':
      return 'InvalidIpAddress';
    case 'domain':
      return 'InvalidDomainName';
    case 'url':
      return 'InvalidUrl';
    default:
      return 'InvalidInput';
  }
}

/** The format `indicatorValue` must have for each `indicatorType`. */
export const indicatorValueFormats: Readonly<Record<string, ConcreteFormat>> = {
  FileSha1: 'sha1',
  FileSha256: 'sha256',
  FileMd5: 'md5',
  CertificateThumbprint: 'sha1',
  IpAddress: 'ip',
  DomainName: 'domain',
  Url: 'url',
};

function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

function isIpv6(value: string): boolean {
  if (!value.includes(':') || !/^[0-9a-fA-F:.]+$/.test(value)) {
    return false;
  }
  const halves = value.split('::');
  if (halves.length > 2) {
    return false;
  }
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let width = groups.length;
  const last = groups[groups.length - 1];
  if (last?.includes('.')) {
    if (!isIpv4(last)) {
      return false;
    }
    groups.pop();
    width += 1;
  }
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) {
    return false;
  }
  return halves.length === 2 ? width < 8 : width === 8;
}

function isDomain(value: string): boolean {
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (name.length === 0 || name.length > 253 || /^\d+(\.\d+){3}$/.test(name)) {
    return false;
  }
  const labels = name.split('.');
  return labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label)) && !/^\d+$/.test(labels[labels.length - 1]);
}

function isUrl(value: string): boolean {
  if (/\s/.test(value) || value.length === 0) {
    return false;
  }
  // The API takes URLs with or without a scheme (indicators often omit it).
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  try {
    const parsed = new URL(candidate);
    return parsed.hostname.length > 0 && (isDomain(parsed.hostname) || isIpv4(parsed.hostname) || parsed.hostname.startsWith('['));
  } catch {
    return false;
  }
}
