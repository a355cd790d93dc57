import { z } from 'zod';

/**
 * What can be used of invalid YAML data whose errors are reported already (issue 27: one bad
 * URL in a country profile left the whole edition out, hiding the problems of the rest of the
 * file and of the pages in that edition): every setting valid on its own, the valid keys of a
 * nested set of settings, the valid items of a list and entries of a map. Undefined when even
 * that does not make valid data (a required value is wrong).
 */
export function salvage<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> | undefined {
  const result = schema.safeParse(keepValid(schema, data));
  return result.success ? result.data : undefined;
}

function keepValid(schema: z.ZodType, value: unknown): unknown {
  const inner = schema instanceof z.ZodDefault || schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (!isMap(value))
    return Array.isArray(value) && inner instanceof z.ZodArray ? value.filter((item) => (inner.element as z.ZodType).safeParse(item).success) : value;
  if (inner instanceof z.ZodObject) {
    const kept: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape) as [string, z.ZodType][]) {
      if (!Object.hasOwn(value, key)) continue;
      const item = keepValid(field, value[key]);
      if (field.safeParse(item).success) kept[key] = item;
    }
    return kept;
  }
  if (inner instanceof z.ZodRecord) return Object.fromEntries(Object.entries(value).filter(([name, item]) => inner.safeParse({ [name]: item }).success));
  return value;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
