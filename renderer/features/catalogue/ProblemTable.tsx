import type { ImportProblem } from '../../../shared/api/contract';

export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  return (
    <table className="grid problems" data-testid="import-problems">
      <thead>
        <tr>
          <th>Sheet</th>
          <th>Dòng</th>
          <th>Cột</th>
          <th>Vấn đề</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>{p.sheet ?? ''}</td>
            <td>{p.row ?? ''}</td>
            <td>{p.column ?? ''}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
