/** The data of a YAML text, through the fast subset reader when it can, else the full parser; undefined when it is not YAML. */
import { fastParse } from './fast-yaml.js';
import { parseYaml } from './parse-yaml.js';

export function yamlData(text: string): unknown {
  return fastParse(text) ?? parseYaml('', text).data;
}
