/** A card table's header row: one column head per label, the same labels each cell's `data-label` shows on phones. */
export function ColumnHeads({ labels }: { labels: Readonly<Record<string, string>> }) {
  return (
    <thead>
      <tr>
        {Object.values(labels).map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
