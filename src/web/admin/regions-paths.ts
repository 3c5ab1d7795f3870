/** The regency's districts and villages, and where an administrator registers one. */
export const REGIONS_PATH = '/admin/wilayah';
/** After a registration, the code the page confirms. */
export const REGISTERED_FIELD = 'terdaftar';
