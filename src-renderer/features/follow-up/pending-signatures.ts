import { create } from 'zustand';
import type { DrawnSignature } from '../../../src-shared/documents/protocol.schema';

/**
 * The student's drawn signature between the student's step and the coordinator's, by case. Kept
 * in memory only: a signature image is not written anywhere until it is inside the signed PDF;
 * after a reload the student draws it again.
 */
interface PendingSignatures {
  byCase: Record<string, DrawnSignature>;
  keep: (caseId: string, signature: DrawnSignature) => void;
  drop: (caseId: string) => void;
}

export const usePendingSignatures = create<PendingSignatures>()((set) => ({
  byCase: {},
  keep: (caseId, signature) => set((state) => ({ byCase: { ...state.byCase, [caseId]: signature } })),
  drop: (caseId) =>
    set((state) => {
      const { [caseId]: _dropped, ...rest } = state.byCase;
      return { byCase: rest };
    }),
}));
