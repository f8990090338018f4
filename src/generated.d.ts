// Types of the validators that scripts/build.mjs generates from schemas/ into src/generated/.
declare module '*/generated/validators.cjs' {
  export interface AjvError {
    instancePath: string;
    schemaPath: string;
    keyword: string;
    params: Record<string, unknown>;
    message?: string;
  }
  export interface StandaloneValidator {
    (data: unknown): boolean;
    errors?: AjvError[] | null;
  }
  export const config: StandaloneValidator;
  export const people: StandaloneValidator;
  export const customer: StandaloneValidator;
  const timeOff: StandaloneValidator;
  export { timeOff as 'time-off' };
}
