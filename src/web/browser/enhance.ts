import { typedRupiah } from '../forms/typed-input';

/**
 * The little script the pages have; every form works without it. It
 * groups a typed amount the Indonesian way when the field is left, and
 * stops a second click sending a form twice (the server records a
 * resent form once anyway).
 */

const GROUPED = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

function groupAmount(input: HTMLInputElement): void {
  const amount = typedRupiah(input.value);
  if (!/^\d{1,15}(\.\d{1,2})?$/.test(amount)) return;
  const [whole = '0', sen] = amount.split('.');
  const grouped = GROUPED.format(BigInt(whole));
  input.value = sen ? `${grouped},${sen.padEnd(2, '0')}` : grouped;
}

document.addEventListener('focusout', (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement && target.inputMode === 'decimal') groupAmount(target);
});

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.dataset.sent === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset.sent = 'true';
  form.setAttribute('aria-busy', 'true');
});
