import { notice, type NoticeTemplate } from '../../notifications/notices/notice';

/** Notices of further-education course delivery, to staff and the teaching resource. */
export const courseDeliveryNotices: Record<string, NoticeTemplate> = {
  'courseDelivery.courseAnnounced': (c) => notice(c, 'Nytt kurs', 'Et nytt kurs er planlagt, og kontrakten er sendt til undervisningsressursen.'),
  'courseDelivery.contractSigned': (c) => notice(c, 'Kontrakten er signert', 'Undervisningsressursen har signert kontrakten. Last den opp i arkivet.'),
  'courseDelivery.invoicingInformation': (c) =>
    notice(c, 'Informasjon om fakturering', 'Kontrakten er arkivert. Slik fakturerer du: se informasjonen i saken.'),
  'courseDelivery.lmsTraining': (c) =>
    notice(c, 'Canvas-emne og Zoom-rom er klare', 'Canvas-emnet og Zoom-rommet er opprettet, og du er lagt til. Klargjør emnet før kursstart.'),
  'courseDelivery.evaluationFindings': (c) => notice(c, 'Resultat av kursevalueringen', 'Kursevalueringen er analysert. Funnene ligger i saken.'),
  'courseDelivery.passList': (c) => notice(c, 'Beståttliste', 'Sensuren er registrert, og beståttlisten ligger i saken.'),
  'courseDelivery.cancelled': (c) => notice(c, 'Kurset er avlyst', 'Kurset er avlyst. Begrunnelsen står i saken.'),
};
