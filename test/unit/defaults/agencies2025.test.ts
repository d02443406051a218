/**
 * The shipped directory of Ho Chi Minh City after the 2025 reorganisation: it validates, holds the
 * 168 commune-level units of Nghị quyết 1685/NQ-UBTVQH15 and the departments after the mergers, and
 * its successor facts (formerUnits) point at agencies that exist in the 2021 directory.
 */
import path from 'node:path';
import { z } from 'zod';
import '../../../src/domain/validation';
import { readDataFile } from '../../../src/cli/readDataFile';
import { AgencySchema, type Agency } from '../../../src/domain/agency/agency';

const DEFAULTS = path.join(__dirname, '..', '..', '..', 'defaults');
const read = (file: string) => readDataFile(path.join(DEFAULTS, file), z.array(AgencySchema), 'Danh bạ');
const directory = read('agencies-hcmc-2025.yaml');
const directory2021 = read('agencies-hcmc-2021.yaml');
const codes2021 = new Set(directory2021.map((agency) => agency.code));

const inGroup = (group: string) => directory.filter((agency) => agency.groups.includes(group));
const byCode = (code: string) => directory.find((agency) => agency.code === code);
const expectUnique = (values: string[]) => expect(values.filter((value, index) => values.indexOf(value) !== index)).toEqual([]);

describe('defaults/agencies-hcmc-2025.yaml', () => {
  it('has the 168 commune-level units: 113 phường, 54 xã and the Côn Đảo special zone, each grouped by its kind', () => {
    const communeLevel = inGroup('commune-level');
    expect(communeLevel).toHaveLength(168);
    expect(inGroup('wards')).toHaveLength(113);
    expect(inGroup('communes')).toHaveLength(54);
    expect(inGroup('special-zones').map((agency) => agency.code)).toEqual(['DKCONDAO']);
    const groupOfKind: Record<string, string> = { ward: 'wards', commune: 'communes', specialZone: 'special-zones' };
    for (const agency of communeLevel) expect(agency.groups).toEqual([groupOfKind[agency.kind], 'commune-level']);
    for (const agency of directory.filter((candidate) => candidate.kind in groupOfKind)) expect(agency.groups).toContain('commune-level');
  });

  it('holds each agency, official name and administrative unit code once', () => {
    expectUnique(directory.map((agency) => agency.code));
    expectUnique(directory.map((agency) => agency.name));
    expectUnique(directory.flatMap((agency) => (agency.shortName ? [agency.shortName] : [])));
    const unitCodes = inGroup('commune-level').map((agency) => agency.unitCode);
    expect(unitCodes.every((code) => code !== undefined && /^\d{5}$/.test(code))).toBe(true);
    expectUnique(unitCodes as string[]);
  });

  it('puts every agency in at least one group and leaves no group empty', () => {
    const groups = new Set(directory.flatMap((agency) => agency.groups));
    expect([...groups].sort()).toEqual(['commune-level', 'communes', 'departments', 'special-zones', 'wards']);
    for (const group of groups) expect(inGroup(group).length).toBeGreaterThan(0);
    expect(directory.filter((agency) => agency.groups.length === 0)).toEqual([]);
  });

  it('has the departments after the 2025 mergers: 17 specialised agencies and 4 boards, none of the merged ones', () => {
    const departments = inGroup('departments');
    expect(departments).toHaveLength(21);
    expect(departments.filter((agency) => agency.kind === 'board')).toHaveLength(4);
    expect(departments.map((agency) => agency.code)).toEqual(
      expect.arrayContaining(['VPUB', 'TTTP', 'SNV', 'STC', 'SXD', 'SNNMT', 'SKHCN', 'SDTTG', 'SATTP', 'SQHKT', 'BQLKCX']),
    );
    for (const merged of ['SLDTBXH', 'SKHDT', 'SGTVT', 'STTTT', 'STNMT', 'SNNPTNT', 'BDT', 'BQLATTP']) expect(byCode(merged)).toBeUndefined();
    expect(byCode('SNNMT')?.name).toBe('Sở Nông nghiệp và Môi trường');
    expect(byCode('SDTTG')?.name).toBe('Sở Dân tộc và Tôn giáo');
  });

  it('names the 2021 departments each merged department took over, so their work has one successor', () => {
    const formerCodes = directory.flatMap((agency) => (agency.formerUnits ?? []).flatMap((unit) => (unit.code ? [unit.code] : [])));
    for (const code of formerCodes) expect(codes2021).toContain(code);
    expectUnique(formerCodes);
    expect(byCode('SNV')?.formerUnits?.map((unit) => unit.code)).toEqual(['SLDTBXH']);
    expect(byCode('STC')?.formerUnits?.map((unit) => unit.code)).toEqual(['SKHDT']);
    expect(byCode('SXD')?.formerUnits?.map((unit) => unit.code).sort()).toEqual(['SGTVT', 'SQHKT']);
    expect(byCode('SNNMT')?.formerUnits?.map((unit) => unit.code).sort()).toEqual(['SNNPTNT', 'STNMT']);
    expect(byCode('SKHCN')?.formerUnits?.map((unit) => unit.code)).toEqual(['STTTT']);
    // Every 2021 department or board either carries on under its code or is taken over by a 2025 agency.
    const departments2021 = directory2021.filter((agency) => agency.groups.includes('departments')).map((agency) => agency.code);
    const carriedOn = departments2021.filter((code) => byCode(code) !== undefined || formerCodes.includes(code));
    expect(carriedOn).toEqual(departments2021);
  });

  it('records for each commune-level unit the units it was formed from, in 2021 districts that exist', () => {
    const districts2021 = new Set(directory2021.filter((agency) => agency.kind === 'district' || agency.kind === 'city').map((agency) => agency.code));
    const formerDistricts = new Set<string>();
    for (const agency of inGroup('commune-level')) {
      expect(agency.effectiveFrom).toBe('2025-07-01');
      expect(agency.formerUnits?.length).toBeGreaterThan(0);
      for (const unit of agency.formerUnits ?? []) {
        // Each former phường, xã or thị trấn lay either in a 2021 district (by code) or in Bình Dương / Bà Rịa - Vũng Tàu.
        expect(unit.district !== undefined || unit.area !== undefined).toBe(true);
        if (unit.district) {
          expect(districts2021).toContain(unit.district);
          formerDistricts.add(unit.district);
        }
      }
    }
    // Every district of 2021 has successors among today's units.
    expect([...formerDistricts].sort()).toEqual([...districts2021].sort());
    expect(byCode('PSAIGON')?.formerUnits?.map((unit) => unit.name)).toEqual(['Phường Bến Nghé', 'Phường Đa Kao', 'Phường Nguyễn Thái Bình']);
    expect(byCode('PSAIGON')?.formerUnits?.every((unit) => unit.district === 'Q1')).toBe(true);
  });

  it('writes official names with their Vietnamese diacritics, telling apart names that differ only by them', () => {
    const names = (code: string) => [byCode(code)?.name, byCode(code)?.shortName];
    expect(names('PSAIGON')).toEqual(['Ủy ban nhân dân phường Sài Gòn', 'Phường Sài Gòn']);
    expect(names('DKCONDAO')).toEqual(['Ủy ban nhân dân đặc khu Côn Đảo', 'Đặc khu Côn Đảo']);
    expect(names('XTHANHAN_CG')).toEqual(['Ủy ban nhân dân xã Thạnh An', 'Xã Thạnh An']);
    expect(names('XTHANHAN_DT')).toEqual(['Ủy ban nhân dân xã Thanh An', 'Xã Thanh An']);
    expect(byCode('PXUANHOA')?.shortName).toBe('Phường Xuân Hòa');
  });

  it('gives every agency a head and a focal point on a reserved domain, each address once', () => {
    for (const agency of directory) {
      expect(agency.contacts.map((contact) => contact.role).sort()).toEqual(['focalPoint', 'head']);
      for (const contact of agency.contacts) expect(contact.email).toMatch(/@[a-z0-9.-]+\.example$/);
    }
    expectUnique(directory.flatMap((agency: Agency) => agency.contacts.map((contact) => contact.email)));
  });
});

describe('the agency schema for former units', () => {
  const ward = { code: 'PTEST', name: 'Ủy ban nhân dân phường Thử', kind: 'ward', groups: ['wards'] };

  it('accepts a unit code, an effective date and former units', () => {
    const parsed = AgencySchema.parse({
      ...ward,
      unitCode: '26740',
      effectiveFrom: '2025-07-01',
      formerUnits: [{ name: 'Phường Bến Nghé', district: 'Q1', unitCode: '26740' }],
    });
    expect(parsed.formerUnits).toEqual([{ name: 'Phường Bến Nghé', district: 'Q1', unitCode: '26740' }]);
  });

  it('refuses a unit code that is not digits, a date that does not exist and a former unit without a name', () => {
    expect(AgencySchema.safeParse({ ...ward, unitCode: '2674A' }).success).toBe(false);
    expect(AgencySchema.safeParse({ ...ward, effectiveFrom: '2025-02-30' }).success).toBe(false);
    expect(AgencySchema.safeParse({ ...ward, formerUnits: [{ code: 'Q1' }] }).success).toBe(false);
    expect(AgencySchema.safeParse({ ...ward, formerUnits: [{ name: 'Sở X', mergedOn: '30/02/2025' }] }).success).toBe(false);
  });
});
