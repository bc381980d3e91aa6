import type { DecisionInput } from '../../../src-shared/documents/decision.schema';
import { drawDecisionLetter } from '../../services/pdf/decision-letter';

/** The follow-up's decision (e.g. loss of study right): the shared decision letter, with no section of its own. */
export function drawDecision(doc: PDFKit.PDFDocument, input: DecisionInput): void {
  drawDecisionLetter(doc, input);
}
