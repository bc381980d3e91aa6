import { notice, type NoticeTemplate } from '../../notifications/notices/notice';

/** Notices of practice placement, between the placement administrator and the placement site. */
export const placementNotices: Record<string, NoticeTemplate> = {
  'placement.order': (c) => notice(c, 'Bestilling av praksisplasser', 'Vi bestiller praksisplasser. Svar på bestillingen innen fristen som står i saken.'),
  'placement.capacityConfirmed': (c) => notice(c, 'Praksisplasser bekreftet', 'Praksisstedet har bekreftet antall praksisplasser.'),
  'placement.declined': (c) => notice(c, 'Ingen kapasitet på praksisstedet', 'Praksisstedet har ikke kapasitet til bestillingen.'),
  'placement.distribution': (c) => notice(c, 'Fordeling av studenter', 'Studentene er fordelt på klasser og veiledere. Fordelingen ligger i saken.'),
  'placement.cancelled': (c) => notice(c, 'Bestillingen er kansellert', 'Bestillingen av praksisplasser er kansellert.'),
};
