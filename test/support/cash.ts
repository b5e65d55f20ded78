import { DENOMINATIONS } from '../../shared/dayClose/cash';

/** A count sheet of exactly `amount` đồng, biggest notes first. */
export function notesFor(amount: number): { value: number; count: number }[] {
  let rest = amount;
  const notes: { value: number; count: number }[] = [];
  for (const value of DENOMINATIONS) {
    const count = Math.floor(rest / value);
    if (count > 0) notes.push({ value, count });
    rest -= count * value;
  }
  if (rest !== 0) throw new Error(`${amount} cannot be paid in notes`);
  return notes;
}
