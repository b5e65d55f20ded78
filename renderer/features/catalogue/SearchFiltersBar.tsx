import { useEffect, useState } from 'react';
import type { SearchFilters } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';

type Facets = { levels: string[]; fields: string[]; agencies: string[] };

function yesNo(v: boolean | undefined): string {
  return v === undefined ? '' : v ? 'yes' : 'no';
}
function fromYesNo(v: string): boolean | undefined {
  return v === '' ? undefined : v === 'yes';
}

export function SearchFiltersBar({ filters, onChange }: { filters: SearchFilters; onChange: (f: SearchFilters) => void }) {
  const { api } = useApp();
  const [facets, setFacets] = useState<Facets>({ levels: [], fields: [], agencies: [] });
  useEffect(() => {
    api['catalogue.facets']({}).then(setFacets, () => {});
  }, [api]);

  const pick = (key: 'level' | 'field' | 'agency', label: string, options: string[]) => (
    <label className="filter">
      <span>{label}</span>
      <select value={filters[key] ?? ''} onChange={(e) => onChange({ ...filters, [key]: e.target.value || undefined })} name={key}>
        <option value="">{t('filter.any')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
  const flag = (key: 'receive' | 'return', label: string) => (
    <label className="filter">
      <span>{label}</span>
      <select value={yesNo(filters[key])} onChange={(e) => onChange({ ...filters, [key]: fromYesNo(e.target.value) })} name={key}>
        <option value="">{t('filter.any')}</option>
        <option value="yes">{t('filter.yes')}</option>
        <option value="no">{t('filter.no')}</option>
      </select>
    </label>
  );
  return (
    <div className="filters" role="group" aria-label={t('search.filters')}>
      {pick('level', t('filter.level'), facets.levels)}
      {pick('field', t('filter.field'), facets.fields)}
      {pick('agency', t('filter.agency'), facets.agencies)}
      {flag('receive', t('filter.receive'))}
      {flag('return', t('filter.return'))}
    </div>
  );
}
