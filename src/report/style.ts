/** Colour as an option: reporters take a Style, never a global. */

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}

const id = (s: string) => s;
export const plain: Style = { red: id, yellow: id, green: id, bold: id, dim: id, cyan: id };
