import { useCallback, useEffect, useState } from 'react';
import type { Device, PrintJob } from '../../../shared/api/devices';
import { useApp } from '../../app/context';

/** Devices with their live state: loaded once, then kept current by the host's pushes. */
export function useDevices(): [Device[], () => Promise<void>] {
  const { api } = useApp();
  const [devices, setDevices] = useState<Device[]>([]);
  const reload = useCallback(async () => setDevices(await api['devices.list']({})), [api]);
  useEffect(() => {
    void reload().catch(() => {});
    return api.on('devices.state', (s) =>
      setDevices((list) => list.map((d) => (d.id === s.deviceId ? { ...d, state: s.state, lastError: s.lastError } : d))),
    );
  }, [api, reload]);
  return [devices, reload];
}

/** Recent print jobs, updated as the queue reports changes. */
export function usePrintJobs(limit = 30): PrintJob[] {
  const { api } = useApp();
  const [jobs, setJobs] = useState<PrintJob[]>([]);
  useEffect(() => {
    api['printJobs.list']({ limit }).then(setJobs, () => {});
    return api.on('printJobs.changed', (job) =>
      setJobs((list) => {
        const rest = list.filter((j) => j.id !== job.id);
        return [job, ...rest].sort((a, b) => b.id - a.id).slice(0, limit);
      }),
    );
  }, [api, limit]);
  return jobs;
}
