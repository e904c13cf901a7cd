// `aria-invalid` and `aria-describedby` for a form control, matching the ids `Field.svelte`
// gives its hint (`<id>-hint`) and error (`<id>-error`).

export interface FieldAria {
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

export function fieldAria(id: string, invalid: boolean, hasHint = false): FieldAria {
  const described = [hasHint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    ...(invalid ? { 'aria-invalid': 'true' as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
}
