// Reading raw strings out of a submitted form for the data layer, which parses them with zod.
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** An optional field: undefined when left empty, so the schema's default or optional applies. */
export function optionalField(form: FormData, name: string): string | undefined {
  const value = field(form, name).trim();
  return value === "" ? undefined : value;
}
