/** Builds the reporters' Style from chalk, loading chalk only when colour is on. */
import { plain, type Style } from '../report/style.js';

export async function makeStyle(color: boolean): Promise<Style> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, green: c.green, bold: c.bold, dim: c.dim, cyan: c.cyan };
}
