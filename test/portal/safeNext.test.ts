/** Where `tiep` may send a person after sign-in: a path of this site, nothing else. */
import { safeNext } from '../../src/portal/session/safeNext';

describe('safeNext (tiep)', () => {
  it.each([
    ['/nhiem-vu/cchc-2021.s4.t2.STNMT', '/nhiem-vu/cchc-2021.s4.t2.STNMT'],
    ['/nhiem-vu?q=chuyen%20doi&ke-hoach=cchc-2021', '/nhiem-vu?q=chuyen%20doi&ke-hoach=cchc-2021'],
    ['/ke-hoach/cchc-2021#qua-han', '/ke-hoach/cchc-2021#qua-han'],
    ['/nhiem-vu/../can-xu-ly', '/can-xu-ly'],
  ])('keeps the same-site path %s', (raw, kept) => {
    expect(safeNext(raw)).toBe(kept);
  });

  it.each([
    'https://evil.example/nhiem-vu',
    'http://127.0.0.1:3000/nhiem-vu',
    '//evil.example/nhiem-vu',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'nhiem-vu',
    '',
    '/dang-nhap?tiep=/x',
    '/dang-nhap/xac-nhan?ma=abc',
    `/${'a'.repeat(3000)}`,
  ])('sends %j home instead', (raw) => {
    expect(safeNext(raw)).toBe('/');
  });

  it('ignores what is not one string (a repeated parameter, nothing)', () => {
    expect(safeNext(['/a', '/b'])).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});
