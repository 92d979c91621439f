/** Exports decrypted entries as a FHIR R4 Bundle (type collection), built in the browser from plaintext. */
import { toBase64, utf8 } from '../crypto/bytes';
import type { Entry } from './kinds';

type Resource = Record<string, unknown>;

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

function quantity(value: string | number | undefined, unit: string, code: string): Resource {
  return { value: Number(value), unit, system: UCUM, code };
}

function observation(patientRef: string, entry: Entry, code: Resource, rest: Resource): Resource {
  return { resourceType: 'Observation', status: 'final', code, subject: { reference: patientRef }, effectiveDateTime: entry.takenAt, ...rest };
}

function loinc(code: string, display: string): Resource {
  return { coding: [{ system: LOINC, code, display }], text: display };
}

export function toResource(entry: Entry, patientRef: string): Resource {
  const v = entry.values;
  switch (entry.kind) {
    case 'blood-pressure':
      return observation(patientRef, entry, loinc('85354-9', 'Blood pressure panel'), {
        component: [
          { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: quantity(v.systolic, 'mmHg', 'mm[Hg]') },
          { code: loinc('8462-4', 'Diastolic blood pressure'), valueQuantity: quantity(v.diastolic, 'mmHg', 'mm[Hg]') },
          ...(v.pulse === undefined || v.pulse === '' ? [] : [{ code: loinc('8867-4', 'Heart rate'), valueQuantity: quantity(v.pulse, '/min', '/min') }]),
        ],
      });
    case 'glucose':
      return observation(patientRef, entry, loinc('2339-0', 'Glucose [Mass/volume] in Blood'), {
        valueQuantity: quantity(v.glucose, 'mg/dL', 'mg/dL'), note: [{ text: String(v.timing) }],
      });
    case 'weight':
      return observation(patientRef, entry, loinc('29463-7', 'Body weight'), { valueQuantity: quantity(v.weight, 'kg', 'kg') });
    case 'symptom':
      return observation(patientRef, entry, { text: String(v.symptom) }, { valueString: `severity ${v.severity}/5` });
    case 'medication':
      return {
        resourceType: 'MedicationStatement', status: 'recorded', subject: { reference: patientRef }, effectiveDateTime: entry.takenAt,
        medication: { concept: { text: String(v.medicine) } }, dosage: v.dose ? [{ text: String(v.dose) }] : [],
      };
    case 'note':
      return documentReference(patientRef, entry, 'Note', { contentType: 'text/plain', data: toBase64(utf8(String(v.text))) });
    case 'attachment':
      return documentReference(patientRef, entry, String(v.title), {
        contentType: entry.attachment?.mediaType, data: entry.attachment?.data, title: entry.attachment?.name,
      });
  }
}

function documentReference(patientRef: string, entry: Entry, title: string, attachment: Resource): Resource {
  return {
    resourceType: 'DocumentReference', status: 'current', subject: { reference: patientRef }, date: entry.takenAt,
    description: title, content: [{ attachment }],
  };
}

/** A Bundle with the Patient and one resource per entry, with stable urn:uuid full URLs from the record ids. */
export function bundle(patientId: string, displayName: string, entries: readonly { recordId: string; entry: Entry }[]): Resource {
  const patientUrl = `urn:techo:patient:${patientId}`;
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: [
      { fullUrl: patientUrl, resource: { resourceType: 'Patient', identifier: [{ system: 'urn:techo:account', value: patientId }], name: [{ text: displayName }] } },
      ...entries.map(({ recordId, entry }) => ({ fullUrl: `urn:uuid:${recordId}`, resource: { id: recordId, ...toResource(entry, patientUrl) } })),
    ],
  };
}
