import { XMLBuilder } from 'fast-xml-parser';
import type { IncomingStatus } from './ewp-nomination-store';

/** Namespace of EWP's Incoming Mobilities get response (stable v1). */
export const IMOBILITIES_GET_NAMESPACE = 'https://github.com/erasmus-without-paper/ewp-specs-api-imobilities/blob/stable-v1/endpoints/get-response.xsd';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: true, processEntities: true });

/** The Incoming Mobilities get response: each mobility's omobility id, status and comment, in that order. */
export function imobilitiesGetResponse(statuses: readonly IncomingStatus[]): string {
  return builder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    'imobilities-get-response': {
      '@xmlns': IMOBILITIES_GET_NAMESPACE,
      'student-mobility-for-studies': statuses.map(({ omobilityId, status, comment }) => ({
        'omobility-id': omobilityId,
        status,
        ...(comment ? { comment } : {}),
      })),
    },
  }) as string;
}
