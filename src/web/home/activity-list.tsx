import type { Activity } from '../../domain/village/state';

/**
 * The village's RKPDes activities. The plan records each executor by name and
 * position, not by user account, so the home cannot pick out one user's own.
 */
export function ActivityList({ activities }: { activities: readonly Activity[] }) {
  return (
    <section>
      <h2>Kegiatan RKPDes desa</h2>
      <p class="note">
        Rencana kegiatan mencatat pelaksana menurut nama, bukan akun pengguna; semua kegiatan desa
        ditampilkan.
      </p>
      {activities.length === 0 ? (
        <p>Belum ada kegiatan.</p>
      ) : (
        <ul class="activities">
          {activities.map((activity) => (
            <li key={activity.activityId} data-activity={activity.activityId}>
              {activity.kegiatanCode} {activity.name} · pelaksana {activity.executor.name} (
              {activity.executor.position})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
