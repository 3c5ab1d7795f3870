import type { WaitingItem } from './waiting-work';

/** What waits for the signed-in user, each line a link to the form that acts on it. */
export function WaitingList({ items }: { items: readonly WaitingItem[] }) {
  return (
    <section>
      <h2>Menunggu tindakan Anda</h2>
      {items.length === 0 ? (
        <p>Tidak ada yang menunggu.</p>
      ) : (
        <ul class="waiting">
          {items.map((item) => (
            <li key={item.href}>
              <a href={item.href}>{item.text}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
