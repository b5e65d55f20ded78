import { useEffect, useMemo, useState } from 'react';
import type { AdminUnitInfo } from '../../../shared/api/contract';
import { findUnit, prepareUnits, type PreparedUnit } from '../../../shared/text/unitNames';
import type { Client } from '../../app/context';
import { errorMessage } from '../../app/errors';

/**
 * The current administrative units for the result-delivery address, from the host
 * (`units.provinces`, `units.communes`): the 34 provinces, and the communes of the chosen one
 * (fetched once per province and kept).
 */
export interface AdminUnits {
  provinces: AdminUnitInfo[] | null;
  preparedProvinces: PreparedUnit<AdminUnitInfo>[] | null;
  /** The province the form names, once the list is known. */
  province: AdminUnitInfo | null;
  /** Its communes; null while loading or with no province. */
  communes: PreparedUnit<AdminUnitInfo>[] | null;
  error: string | null;
}

export function useAdminUnits(api: Client, provinceName: string): AdminUnits {
  const [provinces, setProvinces] = useState<AdminUnitInfo[] | null>(null);
  const [byProvince, setByProvince] = useState<Record<string, PreparedUnit<AdminUnitInfo>[]>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api['units.provinces']({}).then(
      (list) => live && setProvinces(list),
      (err) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const preparedProvinces = useMemo(() => (provinces ? prepareUnits(provinces, 'province') : null), [provinces]);
  const province = useMemo(
    () => (preparedProvinces && provinceName.trim() ? findUnit(preparedProvinces, provinceName, 'province') : null),
    [preparedProvinces, provinceName],
  );
  const code = province?.code ?? null;
  const loaded = code !== null && code in byProvince;

  useEffect(() => {
    if (code === null || loaded) return;
    let live = true;
    api['units.communes']({ provinceCode: code }).then(
      (list) => {
        if (!live) return;
        setError(null);
        setByProvince((m) => ({ ...m, [code]: prepareUnits(list, 'commune') }));
      },
      (err) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api, code, loaded]);

  return { provinces, preparedProvinces, province, communes: code !== null ? (byProvince[code] ?? null) : null, error };
}
