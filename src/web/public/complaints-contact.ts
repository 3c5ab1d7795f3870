/**
 * Where a citizen takes a complaint about a village's APBDes when the
 * installation names no office of its own (KASDESA_COMPLAINTS_CONTACT).
 */
export const DEFAULT_COMPLAINTS_CONTACT =
  'kantor desa pada jam kerja, atau Badan Permusyawaratan Desa (BPD) desa tersebut';
