/**
 * The notebook's entry kinds, as a disease-management notebook (手帳) keeps them. An entry is the plaintext of one
 * record: JSON with its kind, when it was taken, the values, and for attachments the file itself. The record's
 * category is the kind, so a patient shares by kind.
 */

export type Kind = 'blood-pressure' | 'glucose' | 'weight' | 'medication' | 'symptom' | 'note' | 'attachment';

export const KINDS: readonly Kind[] = ['blood-pressure', 'glucose', 'weight', 'medication', 'symptom', 'note', 'attachment'];

export interface FieldSpec {
  readonly name: string;
  readonly type: 'number' | 'text' | 'textarea' | 'select';
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly required: boolean;
  readonly options?: readonly string[];
}

export interface Attachment {
  name: string;
  mediaType: string;
  data: string;
}

export interface Entry {
  kind: Kind;
  takenAt: string;
  values: Record<string, string | number>;
  attachment?: Attachment;
}

export const FIELDS: Record<Kind, readonly FieldSpec[]> = {
  'blood-pressure': [
    { name: 'systolic', type: 'number', unit: 'mmHg', min: 40, max: 300, step: 1, required: true },
    { name: 'diastolic', type: 'number', unit: 'mmHg', min: 20, max: 200, step: 1, required: true },
    { name: 'pulse', type: 'number', unit: '/min', min: 20, max: 250, step: 1, required: false },
  ],
  glucose: [
    { name: 'glucose', type: 'number', unit: 'mg/dL', min: 10, max: 1000, step: 1, required: true },
    { name: 'timing', type: 'select', options: ['fasting', 'before-meal', 'after-meal', 'bedtime'], required: true },
  ],
  weight: [{ name: 'weight', type: 'number', unit: 'kg', min: 1, max: 400, step: 0.1, required: true }],
  medication: [
    { name: 'medicine', type: 'text', required: true },
    { name: 'dose', type: 'text', required: false },
  ],
  symptom: [
    { name: 'symptom', type: 'text', required: true },
    { name: 'severity', type: 'select', options: ['1', '2', '3', '4', '5'], required: true },
  ],
  note: [{ name: 'text', type: 'textarea', required: true }],
  attachment: [{ name: 'title', type: 'text', required: true }],
};

/** The numeric series the timeline charts, per kind (first is the main line). */
export const SERIES: Partial<Record<Kind, readonly string[]>> = {
  'blood-pressure': ['systolic', 'diastolic'],
  glucose: ['glucose'],
  weight: ['weight'],
};

export const MAX_ATTACHMENT_BYTES = 700 * 1024;

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** Parses decrypted bytes into an entry, refusing shapes this client does not know. */
export function parseEntry(text: string): Entry {
  const parsed = JSON.parse(text) as Partial<Entry>;
  if (typeof parsed.kind !== 'string' || !isKind(parsed.kind) || typeof parsed.takenAt !== 'string'
    || typeof parsed.values !== 'object' || parsed.values === null) {
    throw new Error('not a notebook entry');
  }
  return parsed as Entry;
}

/** One line of text for the timeline. */
export function summary(entry: Entry): string {
  const v = entry.values;
  switch (entry.kind) {
    case 'blood-pressure':
      return `${v.systolic}/${v.diastolic} mmHg` + (v.pulse === undefined || v.pulse === '' ? '' : `, ${v.pulse}/min`);
    case 'glucose':
      return `${v.glucose} mg/dL`;
    case 'weight':
      return `${v.weight} kg`;
    case 'medication':
      return [v.medicine, v.dose].filter((x) => x !== undefined && x !== '').join(' ');
    case 'symptom':
      return `${v.symptom} (${v.severity}/5)`;
    case 'note':
      return String(v.text ?? '');
    case 'attachment':
      return `${v.title} — ${entry.attachment?.name ?? ''}`;
  }
}
