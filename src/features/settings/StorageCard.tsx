import { useEffect, useState } from 'react';
import { formatBytes, storageReport, type StorageReport } from '../../platform/storage';

/** How much this tablet stores, and whether the browser promised not to evict it. */
export function StorageCard({ refreshKey }: { refreshKey: number }) {
  const [report, setReport] = useState<StorageReport | null>(null);
  useEffect(() => {
    let live = true;
    void storageReport().then((r) => live && setReport(r));
    return () => {
      live = false;
    };
  }, [refreshKey]);
  const usage = report?.usageBytes == null ? 'unknown' : formatBytes(report.usageBytes);
  const quota = report?.quotaBytes == null ? '' : ` of ${formatBytes(report.quotaBytes)} available`;
  return (
    <section className="card">
      <h3>Storage on this tablet</h3>
      <p data-testid="storage-usage">{report ? `${usage} used${quota}` : 'Measuring…'}</p>
      <p data-testid="storage-persisted">
        {report?.persisted === true
          ? 'Persistent: the browser will not clear Chairside data to free space.'
          : 'Not persistent yet: install Chairside to the home screen so the browser keeps its data.'}
      </p>
    </section>
  );
}
