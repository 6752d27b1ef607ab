/** Dollars as a compliance report or a letter writes them: "$1,755.00". */
export function dollars(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
